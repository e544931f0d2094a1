package io.readstate.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.app.Answer;
import io.readstate.app.ApiClient;
import io.readstate.app.InMemoryApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ChannelResourceTest {

    private static final InMemoryApi API =
            new InMemoryApi(100, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();

    private final ApiClient api = API.client();

    @BeforeEach
    void freshState() {
        API.reset();
    }

    @Test
    void a_channel_without_messages_has_no_last_message_time() {
        api.put("/v1/channels/general/members/alice");

        Answer channel = api.get("/v1/channels/general");

        assertThat(channel.status()).isEqualTo(200);
        assertThat(channel.body().toString())
                .isEqualTo("{\"channelId\":\"general\",\"headSeq\":0,\"memberCount\":1,\"lastMessageAt\":null}");
    }

    @Test
    void a_channel_shows_its_head_members_and_last_message_time() {
        api.put("/v1/channels/general/members/alice");
        api.put("/v1/channels/general/members/bob");
        api.post("/v1/channels/general/messages",
                "{\"seq\": 12, \"senderId\": \"alice\", \"sentAt\": \"2026-11-26T18:00:00.5Z\"}");

        Answer channel = api.get("/v1/channels/general");

        assertThat(channel.body().toString())
                .isEqualTo("{\"channelId\":\"general\",\"headSeq\":12,\"memberCount\":2,"
                        + "\"lastMessageAt\":\"2026-11-26T18:00:00.500Z\"}");
    }

    @Test
    void an_unknown_channel_is_a_404() {
        Answer unknown = api.get("/v1/channels/nowhere");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(unknown.get("details").isEmpty()).isTrue();
    }

    @Test
    void a_bad_channel_id_is_a_422() {
        assertThat(api.get("/v1/channels/" + "c".repeat(65)).problemFields()).containsExactly("channelId");
        assertThat(api.get("/v1/channels/%E2%82%AC").status()).isEqualTo(422);
    }

    @Test
    void ids_may_use_every_allowed_character() {
        String id = "Az09_.:@-";
        api.put("/v1/channels/" + id + "/members/" + id);

        assertThat(api.get("/v1/channels/" + id).get("channelId").asText()).isEqualTo(id);
        assertThat(api.get("/v1/channels/" + "c".repeat(64)).status()).isEqualTo(404);
    }
}
