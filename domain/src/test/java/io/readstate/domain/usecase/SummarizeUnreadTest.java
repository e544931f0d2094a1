package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.joinFrom;
import static io.readstate.domain.model.Events.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UnreadSummary;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's totals over every membership, with the channels that have something unread. */
class SummarizeUnreadTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final ChannelId ALPHA = ChannelId.of("alpha");
    private static final ChannelId BRAVO = ChannelId.of("bravo");
    private static final ChannelId CHARLIE = ChannelId.of("charlie");
    private static final ChannelId DELTA = ChannelId.of("delta");

    @Test
    void the_totals_cover_every_membership_and_the_list_only_channels_with_something_unread() {
        InMemoryReadState state = new InMemoryReadState(100);
        state.record(List.of(
                joinFrom(ALPHA, ALICE, 0), message(ALPHA, 1, BOB, ALICE), message(ALPHA, 2, BOB),
                joinFrom(BRAVO, ALICE, 0),
                joinFrom(CHARLIE, ALICE, 0), message(CHARLIE, 5, BOB), message(CHARLIE, 6, BOB, ALICE),
                message(CHARLIE, 7, BOB),
                message(DELTA, 1, BOB)));

        UnreadSummary summary = new SummarizeUnread(state).summarize(ALICE, false);

        assertThat(summary.userId()).isEqualTo(ALICE);
        assertThat(summary.totalUnread()).isEqualTo(5);
        assertThat(summary.totalMentions()).isEqualTo(2);
        assertThat(summary.channels()).extracting(MemberState::channelId).containsExactly(ALPHA, CHARLIE);
        assertThat(summary.channels()).containsExactly(state.member(ALPHA, ALICE).orElseThrow(),
                state.member(CHARLIE, ALICE).orElseThrow());
    }

    @Test
    void every_membership_is_listed_when_asked_with_the_same_totals() {
        LoadedFor alice = new LoadedFor();

        UnreadSummary some = new SummarizeUnread(alice.state).summarize(ALICE, false);
        UnreadSummary all = new SummarizeUnread(alice.state).summarize(ALICE, true);

        assertThat(all.channels()).extracting(MemberState::channelId).containsExactly(ALPHA, BRAVO, CHARLIE, DELTA);
        assertThat(some.channels()).extracting(MemberState::channelId).containsExactly(ALPHA, CHARLIE, DELTA);
        assertThat(all.totalUnread()).isEqualTo(some.totalUnread()).isEqualTo(9);
        assertThat(all.totalMentions()).isEqualTo(some.totalMentions()).isEqualTo(3);
    }

    @Test
    void the_channels_are_sorted_by_channel_id_whatever_order_the_store_gives() {
        LoadedFor alice = new LoadedFor();

        UnreadSummary summary = new SummarizeUnread(alice.state).summarize(ALICE, true);

        assertThat(summary.channels()).extracting(MemberState::channelId).isSorted();
    }

    @Test
    void a_channel_with_only_mentions_counted_is_listed() {
        CannedReadState state = new CannedReadState().with(state(ALPHA, 0, 1));

        assertThat(new SummarizeUnread(state).summarize(ALICE, false).channels()).hasSize(1);
    }

    @Test
    void a_user_with_no_membership_has_nothing_unread() {
        UnreadSummary summary = new SummarizeUnread(new InMemoryReadState(100)).summarize(ALICE, true);

        assertThat(summary).isEqualTo(new UnreadSummary(ALICE, 0, 0, List.of()));
    }

    /** Alice's four memberships, handed over out of order: one of them has nothing unread. */
    private static final class LoadedFor {
        final CannedReadState state = new CannedReadState()
                .with(state(DELTA, 1, 0))
                .with(state(BRAVO, 0, 0))
                .with(state(CHARLIE, 3, 1))
                .with(state(ALPHA, 5, 2));
    }

    private static MemberState state(ChannelId channel, long unread, long mentions) {
        return new MemberState(channel, ALICE, unread, false, mentions, 0, null, 10);
    }
}
