package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.readstate.adapters.redis.TestRedis;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/** The whole service over real HTTP and the test Redis: every endpoint, end to end. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReadstateApplicationTest {

    private static final String TOKEN = "app-test-token";
    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = new DropwizardAppExtension<>(
            ReadstateApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("redis.url", TestRedis::url),
            ConfigOverride.config("redis.keyPrefix", PREFIX),
            ConfigOverride.config("auth.apiTokens", TOKEN + ", second-token"),
            ConfigOverride.config("auth.adminPassword", "not-a-secret"));

    private ApiClient api;

    @BeforeEach
    void client() {
        ApiClient.allowingRequestsWithoutBody(APP.client());
        api = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getLocalPort()).path(path), TOKEN);
    }

    @AfterAll
    static void removeKeys() {
        RedissonClient redisson = TestRedis.newClient();
        redisson.getKeys().deleteByPattern(PREFIX + "*");
        redisson.shutdown();
    }

    @Test
    void members_join_one_by_one_and_in_bulk() {
        assertThat(api.put("/v1/channels/team/members/alice").status()).isEqualTo(201);
        assertThat(api.put("/v1/channels/team/members/alice", "{}").status()).isEqualTo(200);

        Answer bulk = api.put("/v1/channels/team/members", "{\"userIds\": [\"alice\", \"bob\", \"carol\"]}");

        assertThat(bulk.body().toString()).isEqualTo("{\"added\":2,\"alreadyMembers\":1}");
        assertThat(api.get("/v1/channels/team").get("memberCount").asLong()).isEqualTo(3);
    }

    @Test
    void messages_count_as_unread_and_mentions_until_read() {
        api.put("/v1/channels/chat/members", "{\"userIds\": [\"alice\", \"bob\", \"carol\"]}");

        Answer named = api.post("/v1/channels/chat/messages",
                "{\"seq\": 10, \"senderId\": \"alice\", \"mentions\": [\"bob\"], \"sentAt\": \"2026-11-26T19:00:00.123Z\"}");
        Answer everyone = api.post("/v1/channels/chat/messages",
                "{\"seq\": 12, \"senderId\": \"alice\", \"mentionAll\": true, \"sentAt\": \"2026-11-26T19:01:00Z\"}");
        Answer bob = api.get("/v1/channels/chat/members/bob");
        Answer read = api.post("/v1/channels/chat/read",
                "{\"userId\": \"bob\", \"seq\": 10, \"readAt\": \"2026-11-26T19:02:00.5Z\"}");

        assertThat(named.body().toString())
                .isEqualTo("{\"channelId\":\"chat\",\"seq\":10,\"applied\":true,\"recipients\":2,\"mentioned\":1}");
        assertThat(everyone.get("mentioned").asLong()).isEqualTo(2);
        assertThat(bob.get("unread").asLong()).isEqualTo(2);
        assertThat(bob.get("mentions").asLong()).isEqualTo(2);
        assertThat(read.body().toString()).isEqualTo("{\"channelId\":\"chat\",\"userId\":\"bob\",\"unread\":1,"
                + "\"unreadCapped\":false,\"mentions\":1,\"lastReadSeq\":10,\"lastReadAt\":\"2026-11-26T19:02:00.500Z\","
                + "\"headSeq\":12,\"applied\":true}");
        assertThat(api.get("/v1/channels/chat").get("lastMessageAt").asText()).isEqualTo("2026-11-26T19:01:00.000Z");
    }

    @Test
    void the_unread_summary_lists_channels_with_something_unread_or_all() {
        api.put("/v1/channels/u-one/members/dora");
        api.put("/v1/channels/u-two/members/dora");
        api.post("/v1/channels/u-two/messages", "{\"seq\": 1, \"senderId\": \"eve\", \"mentions\": [\"dora\"]}");

        Answer unread = api.get("/v1/users/dora/unread");
        Answer all = api.get("/v1/users/dora/unread?include=all");

        assertThat(unread.get("totalUnread").asLong()).isEqualTo(1);
        assertThat(unread.get("totalMentions").asLong()).isEqualTo(1);
        assertThat(unread.get("channels").findValuesAsText("channelId")).containsExactly("u-two");
        assertThat(all.get("channels").findValuesAsText("channelId")).containsExactly("u-one", "u-two");
        assertThat(api.get("/v1/users/nobody-at-all/unread").get("channels").isEmpty()).isTrue();
    }

    @Test
    void receipts_page_through_the_readers() {
        api.put("/v1/channels/rc/members", "{\"userIds\": [\"u1\", \"u2\", \"u3\", \"u4\"]}");
        api.post("/v1/channels/rc/messages", "{\"seq\": 1, \"senderId\": \"u1\"}");
        api.post("/v1/channels/rc/read", "{\"userId\": \"u3\"}");
        api.post("/v1/channels/rc/read", "{\"userId\": \"u4\"}");

        Answer first = api.get("/v1/channels/rc/receipts?seq=1&limit=2");
        Answer second = api.get("/v1/channels/rc/receipts?seq=1&limit=2&after=" + first.get("next").asText());

        assertThat(first.body().toString()).isEqualTo("{\"channelId\":\"rc\",\"seq\":1,\"readCount\":3,"
                + "\"memberCount\":4,\"readBy\":[\"u1\",\"u3\"],\"next\":\"u3\"}");
        assertThat(second.get("readBy").toString()).isEqualTo("[\"u4\"]");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(api.get("/v1/channels/no-such/receipts?seq=1").status()).isEqualTo(404);
    }

    @Test
    void deleting_a_message_and_leaving_take_effect() {
        api.put("/v1/channels/dl/members", "{\"userIds\": [\"a\", \"b\"]}");
        api.post("/v1/channels/dl/messages", "{\"seq\": 1, \"senderId\": \"a\"}");

        assertThat(api.delete("/v1/channels/dl/messages/1").status()).isEqualTo(204);
        assertThat(api.delete("/v1/channels/dl/messages/1").status()).isEqualTo(204);
        assertThat(api.get("/v1/channels/dl/members/b").get("unread").asLong()).isZero();
        assertThat(api.delete("/v1/channels/dl/members/b").status()).isEqualTo(204);
        assertThat(api.delete("/v1/channels/dl/members/b").code()).isEqualTo("not_found");
        assertThat(api.get("/v1/channels/dl/members/b").status()).isEqualTo(404);
        assertThat(api.get("/v1/users/b/unread?include=all").get("channels").isEmpty()).isTrue();
    }

    @Test
    void a_batch_of_events_mixes_good_and_bad_items() {
        Answer answer = api.post("/v1/events", "{\"events\": ["
                + "{\"type\": \"join\", \"channelId\": \"ev\", \"userId\": \"a\"},"
                + "{\"type\": \"join\", \"channelId\": \"ev\", \"userId\": \"b\"},"
                + "{\"type\": \"message\", \"channelId\": \"ev\", \"seq\": 1, \"senderId\": \"a\", \"mentions\": [\"b\"]},"
                + "{\"type\": \"message\", \"channelId\": \"ev\", \"seq\": \"two\", \"senderId\": \"a\"},"
                + "{\"type\": \"read\", \"channelId\": \"ev\", \"userId\": \"nobody\"},"
                + "{\"type\": \"join\", \"channelId\": \"ev\", \"userId\": \"c\", \"lastReadSeq\": 7},"
                + "{\"type\": \"delete\", \"channelId\": \"ev\", \"seq\": 5},"
                + "{\"type\": \"leave\", \"channelId\": \"ev\", \"userId\": \"a\"}"
                + "]}");

        JsonNode results = answer.get("results");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(results.findValuesAsText("status")).containsExactly("201", "201", "200", "422", "404", "422", "204", "204");
        assertThat(results.get(6).path("applied").asBoolean()).isFalse();
        assertThat(api.get("/v1/channels/ev/members/b").get("mentions").asLong()).isEqualTo(1);
    }

    @Test
    void every_configured_token_is_accepted_and_others_get_a_401() {
        Answer without = api.withoutToken().get("/v1/channels/team");

        assertThat(api.withToken("second-token").get("/v1/users/x/unread").status()).isEqualTo(200);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.code()).isEqualTo("unauthorized");
        assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"readstate\"");
        // A body that is not JSON gets 401 too: the token is checked before the body is read.
        // (Not an oversized body here: the server answers before reading it, and a client
        // still writing may see the connection closed instead of the answer.)
        assertThat(api.withToken("wrong").post("/v1/events", "x".repeat(200_000)).status()).isEqualTo(401);
    }

    @Test
    void a_body_above_1_mib_is_a_413_whether_its_length_is_announced_or_not() {
        byte[] large = ("{\"seq\": 1, \"senderId\": \"a\"}" + " ".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);

        Answer announced = api.post("/v1/channels/big/messages", new String(large, StandardCharsets.UTF_8));
        Answer chunked = api.send("POST", api.target("/v1/channels/big/messages")
                        .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED),
                Entity.entity(new ByteArrayInputStream(large), MediaType.APPLICATION_JSON_TYPE));

        assertThat(announced.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("payload_too_large");
        assertThat(api.get("/v1/channels/big").status()).isEqualTo(404);
    }

    /**
     * Jetty refuses the first four paths itself (an encoded '/', '%' or '\', an empty segment);
     * JAX-RS would take what follows a ';' for matrix parameters and join user "a". A request
     * line Jetty cannot parse at all (an encoded NUL, a broken %-escape) has no path to speak
     * of: it stays a 400 in the error shape.
     */
    @Test
    void a_path_that_cannot_name_ids_is_refused_as_an_invalid_id_is_and_changes_nothing() {
        for (String path : List.of("/v1/channels/odd/members/a%2Fb", "/v1/channels/odd/members/a%25b",
                "/v1/channels/odd/members/a%5Cb", "/v1/channels//members/a",
                "/v1/channels/odd/members/a;b", "/v1/channels/odd;x=1/members/a")) {
            Answer refused = api.put(path);

            assertThat(refused.status()).as(path).isEqualTo(422);
            assertThat(refused.code()).as(path).isEqualTo("validation_failed");
            assertThat(refused.get("details").get(0).get("field").asText()).as(path).isEqualTo("path");
        }
        assertThat(api.put("/v1/channels/odd/members/a%3Bb").code()).isEqualTo("validation_failed");  // ';' encoded
        Answer unparsed = api.put("/v1/channels/odd/members/a%00b");
        assertThat(unparsed.status()).isEqualTo(400);
        assertThat(unparsed.code()).isEqualTo("bad_request");
        assertThat(unparsed.get("details").isArray()).isTrue();
        assertThat(api.get("/v1/channels/odd").status()).isEqualTo(404);
    }

    @Test
    void the_admin_port_reports_redis_healthy() {
        Answer health = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getAdminPort()).path(path),
                null).get("/healthcheck");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.get("redis").path("healthy").asBoolean()).isTrue();
    }
}
