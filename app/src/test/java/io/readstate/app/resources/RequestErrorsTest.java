package io.readstate.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.app.Answer;
import io.readstate.app.ApiClient;
import io.readstate.app.InMemoryApi;
import io.readstate.app.StateSnapshot;
import io.readstate.app.api.RequestBodies;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.client.RedisTimeoutException;

/** The errors every endpoint shares: authentication, body size, paths, methods and failing stores. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestErrorsTest {

    private static final InMemoryApi API =
            new InMemoryApi(100, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();

    private final ApiClient api = API.client();
    private InMemoryReadState state;

    @BeforeEach
    void aChannelWithAMember() {
        state = API.reset();
        api.put("/v1/channels/general/members/alice");
    }

    private static void assertUnauthorized(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("unauthorized");
        assertThat(answer.get("details").isArray()).isTrue();
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"readstate\"");
    }

    @Test
    void a_request_without_a_token_is_a_401() {
        assertUnauthorized(api.withoutToken().get("/v1/channels/general"));
        assertUnauthorized(api.withoutToken().get("/v1/no/such/path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong", "test-token-and-more", "test-toke", " "})
    void a_request_with_a_wrong_token_is_a_401_and_changes_nothing(String token) {
        StateSnapshot before = StateSnapshot.of(state);

        assertUnauthorized(api.withToken(token).put("/v1/channels/general/members/bob"));
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @Test
    void the_token_must_come_with_the_bearer_scheme() {
        Answer basic = api.withoutToken().send("GET", api.target("/v1/channels/general"), null);
        assertUnauthorized(basic);
        assertThat(api.withToken("test-token").get("/v1/channels/general").status()).isEqualTo(200);
    }

    @Test
    void authentication_comes_before_the_body_is_read() {
        assertUnauthorized(api.withoutToken().post("/v1/channels/general/messages", "{not json"));
        assertUnauthorized(api.withoutToken().post("/v1/events", "x".repeat(RequestBodies.MAX_BYTES + 10)));
    }

    @Test
    void a_body_above_1_mib_is_a_413_and_changes_nothing() {
        StateSnapshot before = StateSnapshot.of(state);
        String padding = " ".repeat(RequestBodies.MAX_BYTES);

        Answer tooLarge = api.post("/v1/channels/general/messages", "{\"seq\": 1, \"senderId\": \"bob\"}" + padding);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("payload_too_large");
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @Test
    void a_body_of_exactly_1_mib_is_read() {
        String json = "{\"seq\": 1, \"senderId\": \"bob\"}";
        String padded = json + " ".repeat(RequestBodies.MAX_BYTES - json.length());

        assertThat(api.post("/v1/channels/general/messages", padded).status()).isEqualTo(200);
    }

    @Test
    void json_nested_too_deep_is_malformed() {
        String deep = "{\"seq\": 1, \"senderId\": \"bob\", \"mentions\": " + "[".repeat(100) + "]".repeat(100) + "}";

        assertThat(api.post("/v1/channels/general/messages", deep).code()).isEqualTo("malformed_json");
    }

    @Test
    void an_unknown_path_is_a_404_in_the_error_shape() {
        Answer unknown = api.get("/v1/channels/general/nothing-here");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(unknown.get("details").isArray()).isTrue();
    }

    @Test
    void a_method_a_path_does_not_take_is_a_405() {
        Answer wrongMethod = api.send("PATCH", "/v1/channels/general", "{}");

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("method_not_allowed");
        assertThat(wrongMethod.header("Allow")).contains("GET");
    }

    @Test
    void a_store_that_is_down_is_a_503_for_reads_and_writes() {
        API.store().failWith(() -> new StoreUnavailable("Redis is down", null));

        Answer read = api.get("/v1/channels/general/members/alice");
        Answer write = api.post("/v1/channels/general/messages", "{\"seq\": 1, \"senderId\": \"bob\"}");

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.code()).isEqualTo("unavailable");
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void a_redis_failure_outside_the_store_is_a_503() {
        API.store().failWith(() -> new RedisTimeoutException("no answer in time"));

        assertThat(api.get("/v1/users/alice/unread").code()).isEqualTo("unavailable");
    }

    @Test
    void an_unexpected_failure_is_a_500_that_tells_nothing_internal() {
        API.store().failWith(() -> new IllegalStateException("secret internals at line 42"));

        Answer failed = api.get("/v1/channels/general");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("internal_error");
        assertThat(failed.body().toString()).doesNotContain("secret").doesNotContain("IllegalState");
    }
}
