package io.readstate.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.app.Answer;
import io.readstate.app.ApiClient;
import io.readstate.app.InMemoryApi;
import io.readstate.app.StateSnapshot;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class ReadResourceTest {

    private static final String NOW = "2026-11-26T19:00:00.123Z";
    private static final InMemoryApi API = new InMemoryApi(3, Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();
    private static final String READ = "/v1/channels/general/read";

    private final ApiClient api = API.client();
    private InMemoryReadState state;

    @BeforeEach
    void aChannelWithTwoMessages() {
        state = API.reset();
        api.put("/v1/channels/general/members/alice");
        api.put("/v1/channels/general/members/bob");
        api.post("/v1/channels/general/messages", "{\"seq\": 1, \"senderId\": \"alice\", \"mentions\": [\"bob\"]}");
        api.post("/v1/channels/general/messages", "{\"seq\": 4, \"senderId\": \"alice\"}");
    }

    @Test
    void a_read_without_seq_reads_up_to_the_head() {
        Answer read = api.post(READ, "{\"userId\": \"bob\", \"readAt\": \"2026-11-26T19:05:00Z\"}");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().toString()).isEqualTo("{\"channelId\":\"general\",\"userId\":\"bob\",\"unread\":0,"
                + "\"unreadCapped\":false,\"mentions\":0,\"lastReadSeq\":4,\"lastReadAt\":\"2026-11-26T19:05:00.000Z\","
                + "\"headSeq\":4,\"applied\":true}");
    }

    @Test
    void a_read_up_to_a_seq_leaves_the_later_messages_unread() {
        Answer read = api.post(READ, "{\"userId\": \"bob\", \"seq\": 1}");

        assertThat(read.get("unread").asLong()).isEqualTo(1);
        assertThat(read.get("mentions").asLong()).isZero();
        assertThat(read.get("lastReadAt").asText()).isEqualTo(NOW);
    }

    @Test
    void a_read_above_the_head_reads_up_to_the_head() {
        assertThat(api.post(READ, "{\"userId\": \"bob\", \"seq\": 99}").get("lastReadSeq").asLong()).isEqualTo(4);
    }

    @Test
    void a_stale_read_changes_nothing() {
        api.post(READ, "{\"userId\": \"bob\", \"seq\": 4}");

        Answer stale = api.post(READ, "{\"userId\": \"bob\", \"seq\": 1, \"readAt\": \"2027-01-01T00:00:00Z\"}");

        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.get("applied").asBoolean()).isFalse();
        assertThat(stale.get("lastReadSeq").asLong()).isEqualTo(4);
        assertThat(stale.get("lastReadAt").asText()).isEqualTo(NOW);
    }

    @Test
    void a_member_behind_the_window_sees_a_capped_count() {
        for (int seq = 5; seq <= 8; seq++) {
            api.post("/v1/channels/general/messages", "{\"seq\": " + seq + ", \"senderId\": \"alice\"}");
        }

        Answer bob = api.get("/v1/channels/general/members/bob");

        assertThat(bob.get("unread").asLong()).isEqualTo(3);
        assertThat(bob.get("unreadCapped").asBoolean()).isTrue();
    }

    @Test
    void a_read_by_a_non_member_is_a_404() {
        StateSnapshot before = StateSnapshot.of(state);

        assertThat(api.post(READ, "{\"userId\": \"carol\"}").code()).isEqualTo("not_found");
        assertThat(api.post("/v1/channels/nowhere/read", "{\"userId\": \"bob\"}").status()).isEqualTo(404);
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"userId\": null}",
        "{\"userId\": 5}",
        "{\"userId\": \"bob\", \"seq\": 0}",
        "{\"userId\": \"bob\", \"seq\": \"abc\"}",
        "{\"userId\": \"bob\", \"seq\": 2.0}",
        "{\"userId\": \"bob\", \"seq\": -1}",
        "{\"userId\": \"bob\", \"seq\": 9223372036854775808}",
        "{\"userId\": \"bob\", \"readAt\": \"now\"}",
        "{\"userId\": \"bob\", \"readAt\": 12}",
        "{\"userId\": \"bob\", \"lastReadSeq\": 1}",
        "[\"bob\"]"
    })
    void a_read_with_a_bad_field_is_a_422_and_changes_nothing(String body) {
        StateSnapshot before = StateSnapshot.of(state);

        Answer rejected = api.post(READ, body);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.get("details")).hasSize(1);
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"userId\": \"bob\",}", "{\"userId\": \"bob\"} {}", "{'userId': 'bob'}",
            "{\"userId\": \"bob\", \"userId\": \"alice\"}"})
    void a_read_whose_body_is_no_json_is_a_400(String body) {
        Answer rejected = api.post(READ, body);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.code()).isEqualTo("malformed_json");
        assertThat(rejected.get("details").isArray()).isTrue();
    }
}
