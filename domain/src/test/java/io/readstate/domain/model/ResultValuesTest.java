package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values handed back to callers: member states, readers, receipts and unread summaries. */
class ResultValuesTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    @Test
    void a_member_has_something_unread_when_it_has_unread_messages_or_mentions() {
        assertThat(state(0, 0).hasSomethingUnread()).isFalse();
        assertThat(state(2, 0).hasSomethingUnread()).isTrue();
        assertThat(state(0, 1).hasSomethingUnread()).isTrue();
    }

    @Test
    void readers_receipts_and_summaries_keep_a_copy_of_their_lists() {
        List<UserId> users = new ArrayList<>(List.of(ALICE));
        List<MemberState> states = new ArrayList<>(List.of(state(1, 0)));

        Readers readers = new Readers(2, users);
        Receipts receipts = new Receipts(GENERAL, 1, 1, 2, users, null);
        UnreadSummary summary = new UnreadSummary(ALICE, 1, 0, states);
        users.add(BOB);
        states.clear();

        assertThat(readers.userIds()).containsExactly(ALICE);
        assertThat(receipts.readBy()).containsExactly(ALICE);
        assertThat(summary.channels()).hasSize(1);
        assertThatThrownBy(() -> readers.userIds().add(BOB)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static MemberState state(long unread, long mentions) {
        return new MemberState(GENERAL, ALICE, unread, false, mentions, 0, null, 3);
    }
}
