package io.readstate.domain.rules;

import static io.readstate.domain.model.Events.delete;
import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.joinAll;
import static io.readstate.domain.model.Events.joinFrom;
import static io.readstate.domain.model.Events.leave;
import static io.readstate.domain.model.Events.message;
import static io.readstate.domain.model.Events.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ports kept in memory: channels come and go as the events say, each with its own counts. */
class InMemoryReadStateTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final ChannelId RANDOM = ChannelId.of("random");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final InMemoryReadState state = new InMemoryReadState(3);

    @Test
    void a_message_to_an_unknown_channel_creates_it() {
        record(message(GENERAL, 4, BOB));

        assertThat(state.channel(GENERAL)).contains(new ChannelSummary(GENERAL, 4, 0, null));
        assertThat(state.channelIds()).containsExactly(GENERAL);
    }

    @Test
    void a_join_to_an_unknown_channel_creates_it() {
        record(join(GENERAL, ALICE));

        assertThat(state.channel(GENERAL)).contains(new ChannelSummary(GENERAL, 0, 1, null));
    }

    @Test
    void a_bulk_join_to_an_unknown_channel_creates_it() {
        record(joinAll(GENERAL, ALICE, BOB));

        assertThat(state.channel(GENERAL)).contains(new ChannelSummary(GENERAL, 0, 2, null));
        assertThat(state.membersOf(GENERAL)).containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void a_join_above_the_head_of_an_unknown_channel_does_not_create_it() {
        Outcome outcome = record(joinFrom(GENERAL, ALICE, 5));

        assertThat(outcome).isEqualTo(new Outcome.ReadPositionAboveHead(5, 0));
        assertThat(state.channel(GENERAL)).as("a rejected join changes nothing").isEmpty();
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void a_read_in_an_unknown_channel_is_from_a_non_member_and_creates_nothing() {
        assertThat(record(read(GENERAL, ALICE, 1))).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void leaving_an_unknown_channel_is_rejected_and_creates_nothing() {
        assertThat(record(leave(GENERAL, ALICE))).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void deleting_in_an_unknown_channel_changes_nothing_and_creates_nothing() {
        assertThat(record(delete(GENERAL, 1))).isEqualTo(new Outcome.Deleted(false));
        assertThat(state.channelIds()).isEmpty();
    }

    @Test
    void outcomes_come_back_in_the_order_of_the_events() {
        List<Outcome> outcomes = state.record(List.of(
                join(GENERAL, ALICE),
                message(GENERAL, 1, BOB, ALICE),
                message(GENERAL, 1, BOB, ALICE),
                leave(GENERAL, BOB)));

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0)).isInstanceOf(Outcome.Joined.class);
        assertThat(outcomes.get(1)).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, true, 1, 1));
        assertThat(outcomes.get(2)).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, false, 0, 0));
        assertThat(outcomes.get(3)).isEqualTo(new Outcome.NotAMember(GENERAL, BOB));
    }

    @Test
    void later_events_of_a_batch_see_the_earlier_ones() {
        List<Outcome> outcomes = state.record(List.of(join(GENERAL, ALICE), read(GENERAL, ALICE, 1)));

        assertThat(outcomes.get(1)).isInstanceOf(Outcome.ReadRecorded.class);
    }

    @Test
    void each_channel_keeps_its_own_counts() {
        record(joinFrom(GENERAL, ALICE, 0));
        record(joinFrom(RANDOM, ALICE, 0));
        record(message(GENERAL, 1, BOB, ALICE));
        record(message(GENERAL, 2, BOB));
        record(message(RANDOM, 7, BOB));

        assertThat(unread(GENERAL, ALICE)).isEqualTo(2);
        assertThat(unread(RANDOM, ALICE)).isEqualTo(1);
        assertThat(state.member(RANDOM, ALICE).orElseThrow().mentions()).isZero();
        assertThat(state.channel(RANDOM).orElseThrow().headSeq()).isEqualTo(7);
    }

    @Test
    void each_channel_has_its_own_window_of_the_configured_size() {
        record(joinFrom(GENERAL, ALICE, 0));
        record(joinFrom(RANDOM, ALICE, 0));
        for (long seq = 1; seq <= 4; seq++) {
            record(message(GENERAL, seq, BOB));
        }
        record(message(RANDOM, 1, BOB));

        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isEqualTo(3);
        assertThat(state.member(GENERAL, ALICE).orElseThrow().unreadCapped()).isTrue();
        assertThat(state.member(RANDOM, ALICE).orElseThrow().unreadCapped()).isFalse();
    }

    @Test
    void a_user_that_is_not_a_member_has_no_state() {
        record(join(GENERAL, ALICE));

        assertThat(state.member(GENERAL, BOB)).isEmpty();
        assertThat(state.member(RANDOM, ALICE)).isEmpty();
    }

    @Test
    void memberships_list_every_channel_the_user_is_a_member_of() {
        record(join(GENERAL, ALICE));
        record(join(RANDOM, ALICE));
        record(join(RANDOM, BOB));

        assertThat(state.memberships(ALICE)).extracting(MemberState::channelId)
                .containsExactlyInAnyOrder(GENERAL, RANDOM);
        assertThat(state.memberships(BOB)).extracting(MemberState::channelId).containsExactly(RANDOM);
        assertThat(state.memberships(UserId.of("nobody"))).isEmpty();
    }

    @Test
    void leaving_removes_the_membership_everywhere() {
        record(join(GENERAL, ALICE));
        record(join(RANDOM, ALICE));

        record(leave(GENERAL, ALICE));

        assertThat(state.member(GENERAL, ALICE)).isEmpty();
        assertThat(state.memberships(ALICE)).extracting(MemberState::channelId).containsExactly(RANDOM);
        assertThat(state.membersOf(GENERAL)).isEmpty();
        assertThat(state.readers(GENERAL, 1)).contains(new Readers(0, List.of()));
    }

    @Test
    void readers_count_the_members_and_name_those_that_have_read() {
        record(joinFrom(GENERAL, ALICE, 0));
        record(joinFrom(GENERAL, BOB, 0));
        record(message(GENERAL, 1, ALICE));

        Readers readers = state.readers(GENERAL, 1).orElseThrow();

        assertThat(readers.memberCount()).isEqualTo(2);
        assertThat(readers.userIds()).containsExactly(ALICE);
    }

    @Test
    void an_unknown_channel_has_no_readers_and_no_members() {
        assertThat(state.readers(GENERAL, 1)).isEqualTo(Optional.empty());
        assertThat(state.membersOf(GENERAL)).isEmpty();
        assertThat(state.channel(GENERAL)).isEmpty();
    }

    @Test
    void channel_ids_are_sorted() {
        record(join(RANDOM, ALICE));
        record(join(GENERAL, ALICE));

        assertThat(state.channelIds()).containsExactly(GENERAL, RANDOM);
    }

    private Outcome record(ChannelEvent event) {
        return state.record(List.of(event)).get(0);
    }

    private long unread(ChannelId channel, UserId user) {
        return state.member(channel, user).orElseThrow().unread();
    }
}
