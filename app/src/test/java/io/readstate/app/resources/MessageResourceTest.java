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
class MessageResourceTest {

    private static final String NOW = "2026-11-26T19:00:00.123Z";
    private static final InMemoryApi API = new InMemoryApi(100, Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();
    private static final String MESSAGES = "/v1/channels/general/messages";

    private final ApiClient api = API.client();
    private InMemoryReadState state;

    @BeforeEach
    void freshState() {
        state = API.reset();
        api.put("/v1/channels/general/members/alice");
        api.put("/v1/channels/general/members/bob");
        api.put("/v1/channels/general/members/carol");
    }

    private Answer unreadOf(String user) {
        return api.get("/v1/channels/general/members/" + user);
    }

    @Test
    void a_new_message_counts_for_every_member_but_the_sender() {
        Answer posted = api.post(MESSAGES, "{\"seq\": 7, \"senderId\": \"alice\"}");

        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body().toString())
                .isEqualTo("{\"channelId\":\"general\",\"seq\":7,\"applied\":true,\"recipients\":2,\"mentioned\":0}");
        assertThat(unreadOf("bob").get("unread").asLong()).isEqualTo(1);
        assertThat(unreadOf("alice").get("unread").asLong()).isZero();
        assertThat(unreadOf("alice").get("lastReadSeq").asLong()).isEqualTo(7);
    }

    @Test
    void mentions_by_name_count_for_the_members_named() {
        Answer posted = api.post(MESSAGES,
                "{\"seq\": 1, \"senderId\": \"alice\", \"mentions\": [\"bob\", \"stranger\"], \"mentionAll\": false}");

        assertThat(posted.get("mentioned").asLong()).isEqualTo(1);
        assertThat(unreadOf("bob").get("mentions").asLong()).isEqualTo(1);
        assertThat(unreadOf("carol").get("mentions").asLong()).isZero();
    }

    @Test
    void mention_all_counts_for_every_member_but_the_sender() {
        Answer posted = api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"mentionAll\": true}");

        assertThat(posted.get("mentioned").asLong()).isEqualTo(2);
        assertThat(unreadOf("carol").get("mentions").asLong()).isEqualTo(1);
    }

    @Test
    void a_message_delivered_again_changes_nothing() {
        api.post(MESSAGES, "{\"seq\": 5, \"senderId\": \"alice\"}");

        Answer again = api.post(MESSAGES, "{\"seq\": 5, \"senderId\": \"alice\", \"mentionAll\": true}");
        Answer older = api.post(MESSAGES, "{\"seq\": 4, \"senderId\": \"alice\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.get("applied").asBoolean()).isFalse();
        assertThat(older.get("applied").asBoolean()).isFalse();
        assertThat(unreadOf("bob").get("unread").asLong()).isEqualTo(1);
        assertThat(unreadOf("bob").get("mentions").asLong()).isZero();
    }

    @Test
    void the_time_sent_is_kept_to_the_millisecond_in_utc() {
        api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"sentAt\": \"2026-11-26T20:00:00.123456+01:00\"}");

        assertThat(api.get("/v1/channels/general").get("lastMessageAt").asText()).isEqualTo("2026-11-26T19:00:00.123Z");
    }

    @Test
    void a_message_without_a_time_takes_the_servers() {
        api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"sentAt\": null, \"mentions\": null}");

        assertThat(api.get("/v1/channels/general").get("lastMessageAt").asText()).isEqualTo(NOW);
    }

    @Test
    void a_message_to_a_channel_never_seen_creates_it() {
        assertThat(api.post("/v1/channels/fresh/messages", "{\"seq\": 3, \"senderId\": \"zed\"}").status()).isEqualTo(200);
        assertThat(api.get("/v1/channels/fresh").get("headSeq").asLong()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "1.0", "1e3", "\"1\"", "\"abc\"", "true", "9223372036854775808",
            "123456789012345678901234567890"})
    void a_seq_that_is_no_integer_from_1_is_rejected(String seq) {
        StateSnapshot before = StateSnapshot.of(state);

        Answer rejected = api.post(MESSAGES, "{\"seq\": " + seq + ", \"senderId\": \"alice\"}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.code()).isEqualTo("validation_failed");
        assertThat(rejected.problemFields()).containsExactly("seq");
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @Test
    void the_largest_seq_is_taken() {
        assertThat(api.post(MESSAGES, "{\"seq\": 9223372036854775807, \"senderId\": \"alice\"}").get("applied").asBoolean())
                .isTrue();
    }

    @Test
    void seq_and_sender_are_required() {
        Answer rejected = api.post(MESSAGES, "{\"seq\": null}");

        assertThat(rejected.problemFields()).containsExactly("seq", "senderId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"a b\"", "\"a/b\"", "\"caf\u00e9\"", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
            "5", "[\"alice\"]"})
    void a_sender_that_is_no_valid_user_id_is_rejected(String senderId) {
        Answer rejected = api.post(MESSAGES, "{\"seq\": 1, \"senderId\": " + senderId + "}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactly("senderId");
    }

    @Test
    void every_wrong_field_is_named() {
        StateSnapshot before = StateSnapshot.of(state);

        Answer rejected = api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"sentAt\": \"yesterday\", "
                + "\"mentions\": [\"bob\", 3, \"\", null], \"mentionAll\": \"yes\", \"priority\": 1}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields())
                .containsExactly("priority", "sentAt", "mentions[1]", "mentions[2]", "mentions[3]", "mentionAll");
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"bob\"", "{}", "5", "true"})
    void mentions_must_be_an_array(String mentions) {
        assertThat(api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"mentions\": " + mentions + "}")
                .problemFields()).containsExactly("mentions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"true\"", "0"})
    void mention_all_must_be_a_boolean(String mentionAll) {
        assertThat(api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"mentionAll\": " + mentionAll + "}")
                .problemFields()).containsExactly("mentionAll");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-26\"", "\"2026-11-26T19:00:00\"", "\"+10000-01-01T00:00:00Z\"", "1764183600000"})
    void a_time_sent_that_is_no_iso_instant_is_rejected(String sentAt) {
        assertThat(api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"sentAt\": " + sentAt + "}")
                .problemFields()).containsExactly("sentAt");
    }

    @Test
    void a_message_needs_a_body() {
        assertThat(api.post(MESSAGES, "").code()).isEqualTo("malformed_json");
        assertThat(api.send("POST", MESSAGES, (String) null).status()).isEqualTo(400);
    }

    @Test
    void deleting_a_message_removes_it_from_every_count() {
        api.post(MESSAGES, "{\"seq\": 1, \"senderId\": \"alice\", \"mentionAll\": true}");
        api.post(MESSAGES, "{\"seq\": 2, \"senderId\": \"alice\"}");

        Answer deleted = api.delete(MESSAGES + "/1");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.hasNoBody()).isTrue();
        assertThat(unreadOf("bob").get("unread").asLong()).isEqualTo(1);
        assertThat(unreadOf("bob").get("mentions").asLong()).isZero();
        assertThat(unreadOf("bob").get("headSeq").asLong()).isEqualTo(2);
    }

    @Test
    void deleting_an_unknown_message_or_channel_is_still_a_204() {
        assertThat(api.delete(MESSAGES + "/99").status()).isEqualTo(204);
        assertThat(api.delete("/v1/channels/nowhere/messages/1").status()).isEqualTo(204);
        assertThat(api.delete(MESSAGES + "/99").status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "9223372036854775808", "1.5", "+1", "%201"})
    void deleting_with_a_seq_that_is_no_integer_from_1_is_a_422(String seq) {
        Answer rejected = api.delete(MESSAGES + "/" + seq);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactly("seq");
    }
}
