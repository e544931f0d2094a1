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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class MemberResourceTest {

    private static final String NOW = "2026-11-26T19:00:00.123Z";
    private static final InMemoryApi API = new InMemoryApi(100, Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();

    private final ApiClient api = API.client();
    private InMemoryReadState state;

    @BeforeEach
    void freshState() {
        state = API.reset();
    }

    private void message(long seq) {
        assertThat(api.post("/v1/channels/general/messages", "{\"seq\": " + seq + ", \"senderId\": \"zed\"}").status())
                .isEqualTo(200);
    }

    @Test
    void a_new_member_gets_201_and_reads_from_the_head() {
        message(3);

        Answer joined = api.put("/v1/channels/general/members/alice");

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.body().toString()).isEqualTo("{\"channelId\":\"general\",\"userId\":\"alice\",\"unread\":0,"
                + "\"unreadCapped\":false,\"mentions\":0,\"lastReadSeq\":3,\"lastReadAt\":\"" + NOW + "\",\"headSeq\":3}");
    }

    @Test
    void joining_again_gets_200_and_changes_nothing() {
        api.put("/v1/channels/general/members/alice", "{\"lastReadSeq\": 0}");
        message(2);

        Answer again = api.put("/v1/channels/general/members/alice");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.get("lastReadSeq").asLong()).isZero();
        assertThat(again.get("unread").asLong()).isEqualTo(1);
    }

    @Test
    void a_member_may_join_from_a_read_position_at_or_below_the_head() {
        message(1);
        message(2);

        Answer joined = api.put("/v1/channels/general/members/alice", "{\"lastReadSeq\": 1}");

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.get("unread").asLong()).isEqualTo(1);
        assertThat(joined.get("lastReadSeq").asLong()).isEqualTo(1);
    }

    @Test
    void an_empty_body_or_null_fields_mean_no_read_position() {
        message(4);

        assertThat(api.put("/v1/channels/general/members/alice", "").get("lastReadSeq").asLong()).isEqualTo(4);
        assertThat(api.put("/v1/channels/general/members/bob", "  ").get("lastReadSeq").asLong()).isEqualTo(4);
        assertThat(api.put("/v1/channels/general/members/carol", "{\"lastReadSeq\": null}").get("lastReadSeq").asLong())
                .isEqualTo(4);
    }

    @Test
    void a_read_position_above_the_head_is_rejected_and_changes_nothing() {
        message(2);
        StateSnapshot before = StateSnapshot.of(state);

        Answer rejected = api.put("/v1/channels/general/members/alice", "{\"lastReadSeq\": 3}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.code()).isEqualTo("validation_failed");
        assertThat(rejected.problemFields()).containsExactly("lastReadSeq");
        assertThat(StateSnapshot.of(state)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "1.0", "1e3", "\"2\"", "true", "[1]", "{}", "9223372036854775808"})
    void a_read_position_that_is_no_integer_from_0_is_rejected(String lastReadSeq) {
        Answer rejected = api.put("/v1/channels/general/members/alice", "{\"lastReadSeq\": " + lastReadSeq + "}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactly("lastReadSeq");
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void unknown_fields_and_bad_ids_are_all_reported_at_once() {
        Answer rejected = api.put("/v1/channels/bad%20channel/members/" + "u".repeat(65),
                "{\"lastReadSeq\": \"x\", \"joinedAt\": 5}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactlyInAnyOrder("channelId", "userId", "joinedAt", "lastReadSeq");
        assertThat(rejected.get("details").get(0).has("problem")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "5", "\"text\"", "null"})
    void a_body_that_is_no_object_is_rejected(String body) {
        Answer rejected = api.put("/v1/channels/general/members/alice", body);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactly("body");
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void a_malformed_body_is_a_400() {
        Answer rejected = api.put("/v1/channels/general/members/alice", "{\"lastReadSeq\": ");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.code()).isEqualTo("malformed_json");
        assertThat(rejected.get("details").isArray()).isTrue();
    }

    @Test
    void many_users_join_at_once_and_those_already_members_are_counted_apart() {
        api.put("/v1/channels/general/members/alice");

        Answer added = api.put("/v1/channels/general/members", "{\"userIds\": [\"alice\", \"bob\", \"carol\", \"bob\"]}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().toString()).isEqualTo("{\"added\":2,\"alreadyMembers\":2}");
        assertThat(state.membersOf(io.readstate.domain.model.ChannelId.of("general"))).hasSize(3);
    }

    @Test
    void a_bulk_join_takes_1_to_10000_users() {
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));
        String enough = IntStream.range(0, 10_000).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));

        assertThat(api.put("/v1/channels/general/members", "{\"userIds\": []}").status()).isEqualTo(422);
        assertThat(api.put("/v1/channels/general/members", "{\"userIds\": [" + tooMany + "]}").status()).isEqualTo(422);
        assertThat(api.put("/v1/channels/general/members", "{}").problemFields()).containsExactly("userIds");
        assertThat(state.channelIds()).isEmpty();
        assertThat(api.put("/v1/channels/general/members", "{\"userIds\": [" + enough + "]}").get("added").asLong())
                .isEqualTo(10_000);
    }

    @Test
    void a_bulk_join_with_one_bad_user_id_adds_nobody() {
        Answer rejected = api.put("/v1/channels/general/members",
                "{\"userIds\": [\"alice\", \"\", 7, \"a/b\", \"caf\u00e9\", \"" + "x".repeat(65) + "\"]}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields())
                .containsExactly("userIds[1]", "userIds[2]", "userIds[3]", "userIds[4]", "userIds[5]");
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void a_bulk_join_needs_a_body() {
        assertThat(api.put("/v1/channels/general/members").code()).isEqualTo("malformed_json");
        assertThat(api.put("/v1/channels/general/members", "{\"userIds\": \"alice\"}").problemFields())
                .containsExactly("userIds");
    }

    @Test
    void a_member_who_leaves_gets_204_and_is_gone() {
        api.put("/v1/channels/general/members/alice");

        assertThat(api.delete("/v1/channels/general/members/alice").status()).isEqualTo(204);
        assertThat(api.get("/v1/channels/general/members/alice").status()).isEqualTo(404);
    }

    @Test
    void leaving_a_channel_one_is_not_a_member_of_is_a_404() {
        api.put("/v1/channels/general/members/alice");

        Answer notAMember = api.delete("/v1/channels/general/members/bob");
        Answer unknownChannel = api.delete("/v1/channels/nowhere/members/alice");

        assertThat(notAMember.status()).isEqualTo(404);
        assertThat(notAMember.code()).isEqualTo("not_found");
        assertThat(unknownChannel.status()).isEqualTo(404);
    }

    @Test
    void a_member_state_shows_unread_and_mentions() {
        api.put("/v1/channels/general/members/alice");
        api.post("/v1/channels/general/messages", "{\"seq\": 1, \"senderId\": \"bob\", \"mentions\": [\"alice\"]}");
        message(2);

        Answer shown = api.get("/v1/channels/general/members/alice");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.get("unread").asLong()).isEqualTo(2);
        assertThat(shown.get("mentions").asLong()).isEqualTo(1);
        assertThat(shown.get("headSeq").asLong()).isEqualTo(2);
    }

    @Test
    void the_state_of_a_non_member_is_a_404() {
        api.put("/v1/channels/general/members/alice");

        assertThat(api.get("/v1/channels/general/members/bob").code()).isEqualTo("not_found");
        assertThat(api.get("/v1/channels/nowhere/members/alice").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%20b", "caf%C3%A9", "a%2Fb", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm"})
    void ids_in_the_path_are_checked(String badId) {
        assertThat(api.get("/v1/channels/" + badId + "/members/alice").problemFields()).containsExactly("channelId");
        assertThat(api.get("/v1/channels/general/members/" + badId).problemFields()).containsExactly("userId");
        assertThat(api.put("/v1/channels/general/members/" + badId).status()).isEqualTo(422);
        assertThat(api.delete("/v1/channels/" + badId + "/members/alice").status()).isEqualTo(422);
        assertThat(state.channelIds()).isEmpty();
    }
}
