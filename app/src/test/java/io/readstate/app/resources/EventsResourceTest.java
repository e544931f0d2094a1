package io.readstate.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.app.Answer;
import io.readstate.app.ApiClient;
import io.readstate.app.InMemoryApi;
import io.readstate.app.StateSnapshot;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class EventsResourceTest {

    private static final InMemoryApi API =
            new InMemoryApi(100, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();

    private final ApiClient api = API.client();
    private InMemoryReadState state;

    @BeforeEach
    void freshState() {
        state = API.reset();
    }

    private Answer events(String... items) {
        return api.post("/v1/events", "{\"events\": [" + String.join(",", items) + "]}");
    }

    private static String copies(int count, String item) {
        return IntStream.range(0, count).mapToObj(i -> item).collect(Collectors.joining(","));
    }

    @Test
    void every_kind_of_event_answers_with_the_status_of_its_endpoint() {
        Answer answer = events(
                "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}",
                "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}",
                "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"bob\", \"lastReadSeq\": 0}",
                "{\"type\": \"message\", \"channelId\": \"general\", \"seq\": 1, \"senderId\": \"alice\","
                        + " \"mentions\": [\"bob\"], \"mentionAll\": false, \"sentAt\": \"2026-11-26T19:00:00Z\"}",
                "{\"type\": \"message\", \"channelId\": \"general\", \"seq\": 1, \"senderId\": \"alice\"}",
                "{\"type\": \"read\", \"channelId\": \"general\", \"userId\": \"bob\", \"seq\": 1, \"readAt\": null}",
                "{\"type\": \"delete\", \"channelId\": \"general\", \"seq\": 1}",
                "{\"type\": \"delete\", \"channelId\": \"general\", \"seq\": 1}",
                "{\"type\": \"leave\", \"channelId\": \"general\", \"userId\": \"bob\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().toString()).isEqualTo("{\"results\":["
                + "{\"index\":0,\"status\":201,\"applied\":true},"
                + "{\"index\":1,\"status\":200,\"applied\":false},"
                + "{\"index\":2,\"status\":201,\"applied\":true},"
                + "{\"index\":3,\"status\":200,\"applied\":true},"
                + "{\"index\":4,\"status\":200,\"applied\":false},"
                + "{\"index\":5,\"status\":200,\"applied\":true},"
                + "{\"index\":6,\"status\":204,\"applied\":true},"
                + "{\"index\":7,\"status\":204,\"applied\":false},"
                + "{\"index\":8,\"status\":204,\"applied\":true}]}");
    }

    @Test
    void rejections_by_the_rules_answer_like_their_endpoints() {
        Answer answer = events(
                "{\"type\": \"read\", \"channelId\": \"general\", \"userId\": \"bob\"}",
                "{\"type\": \"leave\", \"channelId\": \"general\", \"userId\": \"bob\"}",
                "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"bob\", \"lastReadSeq\": 5}");

        JsonNode results = answer.get("results");
        assertThat(results.get(0).toString()).isEqualTo("{\"index\":0,\"status\":404,\"code\":\"not_found\","
                + "\"message\":\"User bob is not a member of channel general\"}");
        assertThat(results.get(1).path("status").asInt()).isEqualTo(404);
        assertThat(results.get(2).path("status").asInt()).isEqualTo(422);
        assertThat(results.get(2).path("code").asText()).isEqualTo("validation_failed");
        assertThat(results.get(2).path("message").asText()).startsWith("lastReadSeq");
    }

    @Test
    void a_bad_event_is_answered_on_its_own_and_the_others_are_applied_in_order_in_one_call() {
        Answer answer = events(
                "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}",
                "{\"type\": \"message\", \"channelId\": \"general\", \"seq\": 1.5, \"senderId\": \"zed\"}",
                "{\"type\": \"shout\", \"channelId\": \"general\"}",
                "{\"type\": \"message\", \"channelId\": \"general\", \"seq\": 2, \"senderId\": \"zed\"}",
                "[]",
                "{\"type\": \"join_many\", \"channelId\": \"general\", \"userIds\": [\"bob\"]}",
                "{\"type\": \"read\", \"channelId\": \"general\", \"userId\": \"alice\", \"seq\": 1}");

        JsonNode results = answer.get("results");
        assertThat(results.findValuesAsText("index")).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(results.findValuesAsText("status")).containsExactly("201", "422", "422", "200", "422", "422", "200");
        assertThat(results.get(1).path("message").asText()).startsWith("seq:");
        assertThat(results.get(2).path("message").asText()).contains("type: must be one of");
        assertThat(results.get(6).path("applied").asBoolean()).isTrue();
        assertThat(API.store().recordCalls()).isEqualTo(1);
        assertThat(api.get("/v1/channels/general/members/alice").get("unread").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"message\", \"channelId\": \"general\", \"seq\": 1}",
        "{\"type\": \"message\", \"channelId\": \"general\", \"seq\": 1, \"senderId\": \"a\", \"userId\": \"b\"}",
        "{\"type\": \"read\", \"channelId\": \"general\"}",
        "{\"type\": \"read\", \"channelId\": \"general\", \"userId\": \"b\", \"lastReadSeq\": 1}",
        "{\"type\": \"join\", \"channelId\": \"general\"}",
        "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"b\", \"seq\": 1}",
        "{\"type\": \"leave\", \"channelId\": \"general\", \"userId\": \"b/c\"}",
        "{\"type\": \"delete\", \"channelId\": \"general\", \"seq\": \"1\"}",
        "{\"type\": \"delete\", \"channelId\": \"general\", \"seq\": 9223372036854775808}",
        "{\"type\": \"delete\", \"seq\": 1}",
        "{\"type\": \"delete\", \"channelId\": \"\", \"seq\": 1}",
        "{\"type\": 5, \"channelId\": \"general\", \"seq\": 1}",
        "{\"channelId\": \"general\", \"seq\": 1}",
        "\"message\"",
        "null"
    })
    void an_event_without_its_fields_or_with_fields_of_another_kind_is_a_422(String item) {
        Answer answer = events(item);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = answer.get("results").get(0);
        assertThat(result.path("status").asInt()).isEqualTo(422);
        assertThat(result.path("code").asText()).isEqualTo("validation_failed");
        assertThat(result.has("applied")).isFalse();
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void a_batch_of_1000_events_is_taken() {
        Answer answer = events(copies(1000, "{\"type\": \"delete\", \"channelId\": \"general\", \"seq\": 1}"));

        assertThat(answer.get("results")).hasSize(1000);
    }

    @Test
    void a_batch_of_more_than_1000_events_is_rejected_whole() {
        Answer answer = events(copies(1001, "{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.problemFields()).containsExactly("events");
        assertThat(state.channelIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"events\": []}", "{}", "{\"events\": null}", "{\"events\": {}}", "{\"events\": \"x\"}",
            "[]", "{\"events\": [], \"more\": 1}",
            "{\"events\": [{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}], \"dryRun\": true}"})
    void a_malformed_envelope_is_rejected_whole(String body) {
        Answer answer = api.post("/v1/events", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("validation_failed");
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void malformed_json_is_a_400_and_changes_nothing() {
        Answer answer = api.post("/v1/events",
                "{\"events\": [{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void a_store_that_is_down_makes_the_whole_batch_a_503() {
        StateSnapshot before = StateSnapshot.of(state);
        API.store().failWith(() -> new StoreUnavailable("Redis is down", null));

        Answer answer = events("{\"type\": \"join\", \"channelId\": \"general\", \"userId\": \"alice\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("unavailable");
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }
}
