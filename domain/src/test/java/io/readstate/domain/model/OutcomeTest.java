package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether an outcome changed anything. */
class OutcomeTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final MemberState STATE = new MemberState(GENERAL, ALICE, 0, false, 0, 0, null, 0);

    @Test
    void a_join_applies_only_when_it_made_a_new_member() {
        assertThat(new Outcome.Joined(STATE, true).applied()).isTrue();
        assertThat(new Outcome.Joined(STATE, false).applied()).isFalse();
    }

    @Test
    void a_bulk_join_applies_only_when_it_added_someone() {
        assertThat(new Outcome.MembersAdded(1, 5).applied()).isTrue();
        assertThat(new Outcome.MembersAdded(0, 5).applied()).isFalse();
    }

    @Test
    void leaving_always_applies() {
        assertThat(new Outcome.Left().applied()).isTrue();
    }

    @Test
    void rejections_never_apply() {
        assertThat(new Outcome.NotAMember(GENERAL, ALICE).applied()).isFalse();
        assertThat(new Outcome.ReadPositionAboveHead(5, 3).applied()).isFalse();
    }

    @Test
    void messages_reads_and_deletes_say_themselves_whether_they_applied() {
        assertThat(new Outcome.MessageAccepted(GENERAL, 1, true, 0, 0).applied()).isTrue();
        assertThat(new Outcome.MessageAccepted(GENERAL, 1, false, 0, 0).applied()).isFalse();
        assertThat(new Outcome.ReadRecorded(STATE, true).applied()).isTrue();
        assertThat(new Outcome.ReadRecorded(STATE, false).applied()).isFalse();
        assertThat(new Outcome.Deleted(true).applied()).isTrue();
        assertThat(new Outcome.Deleted(false).applied()).isFalse();
    }
}
