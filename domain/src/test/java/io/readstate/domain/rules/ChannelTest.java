package io.readstate.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of shared/API.md, one at a time, on a single channel. */
class ChannelTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final UserId DAVE = UserId.of("dave");
    private static final UserId MALLORY = UserId.of("mallory");
    private static final Instant JOINED_AT = Instant.parse("2026-11-26T18:00:00Z");
    private static final Instant READ_AT = Instant.parse("2026-11-26T20:00:00Z");

    private Channel channel = new Channel(GENERAL, 100);

    @Nested
    class AMessage {

        @BeforeEach
        void aliceBobAndCarolAreMembers() {
            join(ALICE);
            join(BOB);
            join(CAROL);
        }

        @Test
        void a_new_message_becomes_the_head_and_counts_for_every_member_but_the_sender() {
            Outcome.MessageAccepted outcome = post(1, ALICE);

            assertThat(outcome).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, true, 2, 0));
            assertThat(channel.summary().headSeq()).isEqualTo(1);
            assertThat(state(BOB).unread()).isEqualTo(1);
            assertThat(state(CAROL).unread()).isEqualTo(1);
            assertThat(state(ALICE).unread()).isZero();
        }

        @Test
        void a_sender_who_is_a_member_has_read_the_channel_up_to_its_message() {
            post(1, BOB);
            post(2, BOB);

            post(3, ALICE);

            MemberState alice = state(ALICE);
            assertThat(alice.lastReadSeq()).isEqualTo(3);
            assertThat(alice.lastReadAt()).isEqualTo(sentAt(3));
            assertThat(alice.unread()).isZero();
        }

        @Test
        void a_sender_who_is_not_a_member_counts_for_every_member_and_joins_nothing() {
            Outcome.MessageAccepted outcome = post(1, MALLORY);

            assertThat(outcome.recipients()).isEqualTo(3);
            assertThat(channel.isMember(MALLORY)).isFalse();
            assertThat(channel.memberCount()).isEqualTo(3);
            assertThat(state(ALICE).unread()).isEqualTo(1);
        }

        @Test
        void a_mention_by_name_counts_for_the_member_named_only() {
            Outcome.MessageAccepted outcome = post(1, ALICE, BOB);

            assertThat(outcome.mentioned()).isEqualTo(1);
            assertThat(state(BOB).mentions()).isEqualTo(1);
            assertThat(state(CAROL).mentions()).isZero();
            assertThat(state(CAROL).unread()).isEqualTo(1);
        }

        @Test
        void a_mention_of_a_user_who_is_not_a_member_counts_for_nobody() {
            Outcome.MessageAccepted outcome = post(1, ALICE, DAVE);

            assertThat(outcome.mentioned()).isZero();
            assertThat(state(BOB).mentions()).isZero();
        }

        @Test
        void a_mention_by_name_does_not_count_for_a_user_who_joins_after_the_message() {
            post(1, ALICE, DAVE);

            joinFrom(DAVE, 0);

            assertThat(state(DAVE).unread()).isEqualTo(1);
            assertThat(state(DAVE).mentions()).isZero();
        }

        @Test
        void a_sender_mentioning_itself_does_not_count_the_mention() {
            Outcome.MessageAccepted outcome = post(1, ALICE, ALICE, BOB);

            assertThat(outcome.mentioned()).isEqualTo(1);
            assertThat(state(ALICE).mentions()).isZero();
        }

        @Test
        void mention_all_counts_for_every_member_but_the_sender() {
            Outcome.MessageAccepted outcome = postToAll(1, ALICE);

            assertThat(outcome).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, true, 2, 2));
            assertThat(state(BOB).mentions()).isEqualTo(1);
            assertThat(state(CAROL).mentions()).isEqualTo(1);
            assertThat(state(ALICE).mentions()).isZero();
        }

        @Test
        void mention_all_from_a_non_member_counts_for_every_member() {
            Outcome.MessageAccepted outcome = postToAll(1, MALLORY);

            assertThat(outcome.recipients()).isEqualTo(3);
            assertThat(outcome.mentioned()).isEqualTo(3);
            assertThat(state(ALICE).mentions()).isEqualTo(1);
        }

        @Test
        void mention_all_counts_for_a_member_whose_read_position_lies_before_it() {
            postToAll(1, ALICE);

            joinFrom(DAVE, 0);

            assertThat(state(DAVE).mentions()).isEqualTo(1);
        }

        @Test
        void mentions_by_name_and_mention_all_together_count_once() {
            Outcome.MessageAccepted outcome = channel.post(1, ALICE, sentAt(1), Set.of(BOB), true);

            assertThat(outcome.mentioned()).isEqualTo(2);
            assertThat(state(BOB).mentions()).isEqualTo(1);
        }

        @Test
        void the_outcome_counts_recipients_and_mentioned_members() {
            Outcome.MessageAccepted outcome = post(7, ALICE, ALICE, BOB, CAROL, DAVE);

            assertThat(outcome).isEqualTo(new Outcome.MessageAccepted(GENERAL, 7, true, 2, 2));
        }

        @Test
        void the_last_message_time_is_the_newest_message_sent_time() {
            assertThat(channel.summary().lastMessageAt()).isNull();

            post(1, ALICE);
            post(2, BOB);

            assertThat(channel.summary()).isEqualTo(new ChannelSummary(GENERAL, 2, 3, sentAt(2)));
        }

        @Test
        void seq_may_reach_the_largest_long() {
            post(Long.MAX_VALUE, ALICE);

            assertThat(channel.summary().headSeq()).isEqualTo(Long.MAX_VALUE);
            assertThat(state(BOB).unread()).isEqualTo(1);
        }
    }

    @Nested
    class IdempotentDelivery {

        @BeforeEach
        void aliceAndBobAreMembers() {
            joinFrom(ALICE, 0);
            join(BOB);
        }

        @Test
        void a_duplicate_message_changes_nothing() {
            post(1, BOB, ALICE);
            List<Object> before = everything();

            Outcome.MessageAccepted outcome = post(1, BOB, ALICE);

            assertThat(outcome).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, false, 0, 0));
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void a_message_below_the_head_changes_nothing_even_when_never_seen() {
            post(5, BOB);
            List<Object> before = everything();

            Outcome.MessageAccepted outcome = postToAll(3, BOB);

            assertThat(outcome.applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
            assertThat(state(ALICE).unread()).isEqualTo(1);
        }

        @Test
        void a_duplicate_from_a_member_does_not_move_its_read_position() {
            post(1, BOB);
            post(2, BOB);
            post(3, CAROL);

            post(2, ALICE);

            assertThat(state(ALICE).lastReadSeq()).isZero();
            assertThat(state(ALICE).unread()).isEqualTo(3);
        }

        @Test
        void a_deleted_message_delivered_again_is_still_a_duplicate() {
            post(1, BOB);
            channel.delete(1);

            assertThat(post(1, BOB).applied()).isFalse();
            assertThat(state(ALICE).unread()).isZero();
        }
    }

    @Nested
    class GapsInSeq {

        @BeforeEach
        void aliceIsAMemberFromTheStart() {
            join(ALICE);
            post(10, BOB, ALICE);
            post(20, BOB);
            post(35, BOB, ALICE);
        }

        @Test
        void unread_counts_messages_not_seq_numbers() {
            assertThat(state(ALICE).unread()).isEqualTo(3);
            assertThat(state(ALICE).mentions()).isEqualTo(2);
            assertThat(state(ALICE).headSeq()).isEqualTo(35);
        }

        @Test
        void a_read_into_a_gap_counts_the_messages_after_it() {
            read(ALICE, 15);

            assertThat(state(ALICE).unread()).isEqualTo(2);
            assertThat(state(ALICE).mentions()).isEqualTo(1);
            assertThat(state(ALICE).lastReadSeq()).isEqualTo(15);
        }

        @Test
        void a_member_may_join_from_a_seq_no_message_has() {
            joinFrom(CAROL, 25);

            assertThat(state(CAROL).unread()).isEqualTo(1);
        }
    }

    @Nested
    class AReadOfTheChannel {

        @BeforeEach
        void bobSentFiveMessagesMentioningAliceInTheSecondAndFourth() {
            joinFrom(ALICE, 0);
            post(1, BOB);
            post(2, BOB, ALICE);
            post(3, BOB);
            post(4, BOB, ALICE);
            post(5, BOB);
        }

        @Test
        void a_read_up_to_a_seq_leaves_the_later_messages_unread() {
            Outcome outcome = read(ALICE, 3);

            MemberState alice = state(ALICE);
            assertThat(outcome).isEqualTo(new Outcome.ReadRecorded(alice, true));
            assertThat(alice.lastReadSeq()).isEqualTo(3);
            assertThat(alice.lastReadAt()).isEqualTo(READ_AT);
            assertThat(alice.unread()).isEqualTo(2);
            assertThat(alice.mentions()).isEqualTo(1);
        }

        @Test
        void a_read_without_seq_reads_up_to_the_head() {
            channel.read(ALICE, OptionalLong.empty(), READ_AT);

            assertThat(state(ALICE).lastReadSeq()).isEqualTo(5);
            assertThat(state(ALICE).unread()).isZero();
            assertThat(state(ALICE).mentions()).isZero();
        }

        @Test
        void a_read_above_the_head_reads_up_to_the_head() {
            Outcome outcome = read(ALICE, 99);

            assertThat(outcome.applied()).isTrue();
            assertThat(state(ALICE).lastReadSeq()).isEqualTo(5);
            assertThat(state(ALICE).unread()).isZero();
        }

        @Test
        void a_stale_read_changes_nothing() {
            read(ALICE, 4);
            List<Object> before = everything();

            Outcome outcome = channel.read(ALICE, OptionalLong.of(2), READ_AT.plusSeconds(60));

            assertThat(outcome).isEqualTo(new Outcome.ReadRecorded(state(ALICE), false));
            assertThat(everything()).isEqualTo(before);
            assertThat(state(ALICE).lastReadAt()).isEqualTo(READ_AT);
        }

        @Test
        void a_read_at_the_current_position_changes_nothing() {
            read(ALICE, 4);
            List<Object> before = everything();

            assertThat(read(ALICE, 4).applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void a_read_above_the_head_when_the_head_is_read_changes_nothing() {
            read(ALICE, 5);

            assertThat(read(ALICE, 1_000).applied()).isFalse();
            assertThat(state(ALICE).lastReadSeq()).isEqualTo(5);
        }

        @Test
        void the_read_position_never_moves_back() {
            read(ALICE, 4);
            read(ALICE, 1);
            read(ALICE, 3);

            assertThat(state(ALICE).lastReadSeq()).isEqualTo(4);
            assertThat(state(ALICE).unread()).isEqualTo(1);
        }

        @Test
        void a_read_by_a_user_who_is_not_a_member_is_rejected() {
            List<Object> before = everything();

            Outcome outcome = read(MALLORY, 3);

            assertThat(outcome).isEqualTo(new Outcome.NotAMember(GENERAL, MALLORY));
            assertThat(outcome.applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void a_read_of_an_empty_channel_changes_nothing() {
            Channel empty = new Channel(ChannelId.of("empty"), 100);
            empty.join(ALICE, OptionalLong.empty(), JOINED_AT);

            Outcome outcome = empty.read(ALICE, OptionalLong.empty(), READ_AT);

            assertThat(outcome.applied()).isFalse();
            assertThat(empty.state(ALICE).lastReadSeq()).isZero();
            assertThat(empty.state(ALICE).lastReadAt()).isEqualTo(JOINED_AT);
        }
    }

    @Nested
    class Joining {

        @BeforeEach
        void bobSentThreeMessages() {
            post(1, BOB);
            post(2, BOB);
            post(3, BOB);
        }

        @Test
        void a_new_member_reads_from_the_head() {
            Outcome outcome = join(ALICE);

            MemberState alice = state(ALICE);
            assertThat(outcome).isEqualTo(new Outcome.Joined(alice, true));
            assertThat(alice).isEqualTo(new MemberState(GENERAL, ALICE, 0, false, 0, 3, JOINED_AT, 3));
        }

        @Test
        void a_new_member_may_start_from_an_earlier_read_position() {
            joinFrom(ALICE, 1);

            assertThat(state(ALICE).lastReadSeq()).isEqualTo(1);
            assertThat(state(ALICE).unread()).isEqualTo(2);
        }

        @Test
        void a_new_member_may_start_having_read_nothing() {
            joinFrom(ALICE, 0);

            assertThat(state(ALICE).unread()).isEqualTo(3);
        }

        @Test
        void a_new_member_may_start_at_the_head() {
            joinFrom(ALICE, 3);

            assertThat(state(ALICE).unread()).isZero();
        }

        @Test
        void a_start_above_the_head_is_rejected_and_changes_nothing() {
            List<Object> before = everything();

            Outcome outcome = joinFrom(ALICE, 4);

            assertThat(outcome).isEqualTo(new Outcome.ReadPositionAboveHead(4, 3));
            assertThat(outcome.applied()).isFalse();
            assertThat(channel.isMember(ALICE)).isFalse();
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void joining_again_changes_nothing() {
            joinFrom(ALICE, 1);
            List<Object> before = everything();

            Outcome outcome = channel.join(ALICE, OptionalLong.of(3), JOINED_AT.plusSeconds(60));

            assertThat(outcome).isEqualTo(new Outcome.Joined(state(ALICE), false));
            assertThat(outcome.applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void a_bulk_join_counts_the_users_added_and_those_already_members() {
            join(ALICE);

            Outcome.MembersAdded outcome = channel.joinAll(List.of(ALICE, BOB, CAROL), JOINED_AT);

            assertThat(outcome).isEqualTo(new Outcome.MembersAdded(2, 1));
            assertThat(channel.memberCount()).isEqualTo(3);
        }

        @Test
        void a_user_named_twice_in_a_bulk_join_is_added_once() {
            Outcome.MembersAdded outcome = channel.joinAll(List.of(BOB, CAROL, BOB), JOINED_AT);

            assertThat(outcome).isEqualTo(new Outcome.MembersAdded(2, 1));
            assertThat(channel.members()).containsExactlyInAnyOrder(BOB, CAROL);
        }

        @Test
        void members_added_in_bulk_read_from_the_head() {
            channel.joinAll(List.of(ALICE, CAROL), JOINED_AT);

            assertThat(state(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 0, false, 0, 3, JOINED_AT, 3));
            assertThat(state(CAROL).unread()).isZero();
        }

        @Test
        void a_bulk_join_of_members_only_changes_nothing() {
            channel.joinAll(List.of(ALICE, CAROL), JOINED_AT);
            List<Object> before = everything();

            Outcome.MembersAdded outcome = channel.joinAll(List.of(CAROL, ALICE), JOINED_AT.plusSeconds(60));

            assertThat(outcome).isEqualTo(new Outcome.MembersAdded(0, 2));
            assertThat(outcome.applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
        }
    }

    @Nested
    class Leaving {

        @BeforeEach
        void aliceWasMentionedWhileAMember() {
            join(ALICE);
            join(CAROL);
            post(1, BOB, ALICE);
            post(2, BOB);
        }

        @Test
        void leaving_removes_the_member_state() {
            Outcome outcome = channel.leave(ALICE);

            assertThat(outcome).isEqualTo(new Outcome.Left());
            assertThat(outcome.applied()).isTrue();
            assertThat(channel.isMember(ALICE)).isFalse();
            assertThat(channel.members()).containsExactly(CAROL);
            assertThat(channel.summary().memberCount()).isEqualTo(1);
            assertThat(channel.readersOf(1)).doesNotContain(ALICE);
        }

        @Test
        void a_user_who_joins_again_starts_afresh_from_the_head() {
            channel.leave(ALICE);

            Outcome outcome = join(ALICE);

            assertThat(outcome).isInstanceOf(Outcome.Joined.class);
            assertThat(((Outcome.Joined) outcome).created()).isTrue();
            assertThat(state(ALICE).lastReadSeq()).isEqualTo(2);
            assertThat(state(ALICE).unread()).isZero();
        }

        @Test
        void mentions_by_name_from_before_leaving_no_longer_count_after_joining_again() {
            channel.leave(ALICE);

            joinFrom(ALICE, 0);

            assertThat(state(ALICE).unread()).isEqualTo(2);
            assertThat(state(ALICE).mentions()).isZero();
        }

        @Test
        void mentions_by_name_after_joining_again_count() {
            channel.leave(ALICE);
            joinFrom(ALICE, 0);

            post(3, BOB, ALICE);

            assertThat(state(ALICE).mentions()).isEqualTo(1);
        }

        @Test
        void leaving_when_not_a_member_is_rejected_and_changes_nothing() {
            List<Object> before = everything();

            Outcome outcome = channel.leave(MALLORY);

            assertThat(outcome).isEqualTo(new Outcome.NotAMember(GENERAL, MALLORY));
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void leaving_twice_is_rejected_the_second_time() {
            channel.leave(ALICE);

            assertThat(channel.leave(ALICE)).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        }

        @Test
        void leaving_keeps_the_mentions_of_the_other_members() {
            post(3, BOB, ALICE, CAROL);

            channel.leave(ALICE);

            assertThat(state(CAROL).mentions()).isEqualTo(1);
        }
    }

    @Nested
    class DeletingAMessage {

        @BeforeEach
        void aliceHasThreeUnreadMessagesTwoMentioningHer() {
            join(ALICE);
            post(1, BOB, ALICE);
            post(2, BOB);
            postToAll(3, BOB);
        }

        @Test
        void a_deleted_message_leaves_unread_and_mentions() {
            Outcome.Deleted outcome = channel.delete(1);

            assertThat(outcome).isEqualTo(new Outcome.Deleted(true));
            assertThat(state(ALICE).unread()).isEqualTo(2);
            assertThat(state(ALICE).mentions()).isEqualTo(1);
        }

        @Test
        void deleting_a_message_mentioning_everyone_removes_that_mention() {
            channel.delete(3);

            assertThat(state(ALICE).unread()).isEqualTo(2);
            assertThat(state(ALICE).mentions()).isEqualTo(1);
        }

        @Test
        void deleting_an_unknown_message_changes_nothing() {
            List<Object> before = everything();

            assertThat(channel.delete(7)).isEqualTo(new Outcome.Deleted(false));
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void deleting_a_message_twice_changes_nothing_the_second_time() {
            channel.delete(2);
            List<Object> before = everything();

            assertThat(channel.delete(2).applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void deleting_the_head_message_does_not_move_the_head_back() {
            channel.delete(3);

            assertThat(channel.summary().headSeq()).isEqualTo(3);
            assertThat(state(ALICE).headSeq()).isEqualTo(3);
        }

        @Test
        void a_deleted_message_keeps_its_receipts() {
            read(ALICE, 3);

            channel.delete(2);

            assertThat(channel.readersOf(2)).contains(ALICE);
        }
    }

    @Nested
    class TheWindow {

        @BeforeEach
        void theWindowHoldsThreeMessages() {
            channel = new Channel(GENERAL, 3);
            joinFrom(ALICE, 0);
            joinFrom(CAROL, 0);
        }

        @Test
        void a_member_who_read_before_the_window_sees_the_messages_in_the_window_and_a_cap() {
            postFromBob(1, 2, 3, 4, 5);

            MemberState alice = state(ALICE);
            assertThat(alice.unread()).isEqualTo(3);
            assertThat(alice.unreadCapped()).isTrue();
        }

        @Test
        void a_member_who_read_inside_the_window_sees_an_exact_count() {
            postFromBob(1, 2, 3, 4, 5);

            read(ALICE, 3);

            assertThat(state(ALICE).unread()).isEqualTo(2);
            assertThat(state(ALICE).unreadCapped()).isFalse();
        }

        @Test
        void a_member_who_read_the_last_message_left_out_of_the_window_is_not_capped() {
            postFromBob(1, 2, 3, 4, 5);

            read(ALICE, 2);

            assertThat(state(ALICE).unread()).isEqualTo(3);
            assertThat(state(ALICE).unreadCapped()).isFalse();
        }

        @Test
        void a_channel_with_no_more_messages_than_the_window_counts_exactly() {
            postFromBob(1, 2, 3);

            assertThat(state(ALICE).unread()).isEqualTo(3);
            assertThat(state(ALICE).unreadCapped()).isFalse();
        }

        @Test
        void a_member_joining_from_before_the_window_is_capped() {
            postFromBob(1, 2, 3, 4, 5);

            joinFrom(DAVE, 1);

            assertThat(state(DAVE).unread()).isEqualTo(3);
            assertThat(state(DAVE).unreadCapped()).isTrue();
        }

        @Test
        void mentions_outside_the_window_no_longer_count() {
            post(1, BOB, ALICE);
            postToAll(2, BOB);
            postFromBob(3, 4, 5);

            assertThat(state(ALICE).mentions()).isZero();
        }

        @Test
        void a_deleted_message_leaves_room_in_the_window_for_the_next_one() {
            postFromBob(1, 2, 3);
            channel.delete(2);

            postFromBob(4);

            assertThat(state(ALICE).unread()).isEqualTo(3);
            assertThat(state(ALICE).unreadCapped()).isFalse();

            postFromBob(5);

            assertThat(state(ALICE).unread()).isEqualTo(3);
            assertThat(state(ALICE).unreadCapped()).isTrue();
        }

        @Test
        void a_deleted_message_leaves_the_window_one_short_until_the_next_message() {
            postFromBob(1, 2, 3, 4);
            channel.delete(3);

            assertThat(state(ALICE).unread()).isEqualTo(2);
            assertThat(state(ALICE).unreadCapped()).isTrue();
        }

        @Test
        void deleting_a_message_already_out_of_the_window_changes_nothing() {
            postFromBob(1, 2, 3, 4);
            List<Object> before = everything();

            assertThat(channel.delete(1).applied()).isFalse();
            assertThat(everything()).isEqualTo(before);
        }

        @Test
        void a_read_into_the_window_lifts_the_cap() {
            postFromBob(1, 2, 3, 4, 5, 6, 7);
            assertThat(state(ALICE).unreadCapped()).isTrue();

            read(ALICE, 6);

            assertThat(state(ALICE).unread()).isEqualTo(1);
            assertThat(state(ALICE).unreadCapped()).isFalse();
        }

        @Test
        void gaps_do_not_take_room_in_the_window() {
            postFromBob(10, 20, 30);

            assertThat(state(ALICE).unread()).isEqualTo(3);
            assertThat(state(ALICE).unreadCapped()).isFalse();
        }

        private void postFromBob(long... seqs) {
            for (long seq : seqs) {
                post(seq, BOB);
            }
        }
    }

    @Nested
    class Receipts {

        @BeforeEach
        void aliceReadTwoOfFourAndCarolAll() {
            joinFrom(ALICE, 0);
            joinFrom(CAROL, 0);
            post(1, BOB);
            post(2, BOB);
            post(3, BOB);
            post(4, BOB);
            read(ALICE, 2);
            read(CAROL, 4);
        }

        @Test
        void a_message_has_been_read_by_the_members_whose_read_position_reached_it() {
            assertThat(channel.readersOf(1)).containsExactlyInAnyOrder(ALICE, CAROL);
            assertThat(channel.readersOf(2)).containsExactlyInAnyOrder(ALICE, CAROL);
            assertThat(channel.readersOf(3)).containsExactly(CAROL);
            assertThat(channel.readersOf(5)).isEmpty();
        }

        @Test
        void a_member_that_sends_has_read_its_own_message() {
            post(5, ALICE);

            assertThat(channel.readersOf(5)).containsExactly(ALICE);
        }

        @Test
        void a_sender_that_is_not_a_member_is_not_a_reader() {
            assertThat(channel.readersOf(4)).doesNotContain(BOB);
        }

        @Test
        void a_member_joining_at_the_head_has_read_every_earlier_message() {
            join(DAVE);

            assertThat(channel.readersOf(4)).contains(DAVE);
            assertThat(channel.readersOf(1)).contains(DAVE);
        }

        @Test
        void a_member_who_left_has_read_nothing() {
            channel.leave(CAROL);

            assertThat(channel.readersOf(1)).containsExactly(ALICE);
        }
    }

    private Outcome.MessageAccepted post(long seq, UserId sender, UserId... mentioned) {
        return channel.post(seq, sender, sentAt(seq), new HashSet<>(List.of(mentioned)), false);
    }

    private Outcome.MessageAccepted postToAll(long seq, UserId sender) {
        return channel.post(seq, sender, sentAt(seq), Set.of(), true);
    }

    private Outcome join(UserId user) {
        return channel.join(user, OptionalLong.empty(), JOINED_AT);
    }

    private Outcome joinFrom(UserId user, long lastReadSeq) {
        return channel.join(user, OptionalLong.of(lastReadSeq), JOINED_AT);
    }

    private Outcome read(UserId user, long seq) {
        return channel.read(user, OptionalLong.of(seq), READ_AT);
    }

    private MemberState state(UserId user) {
        return channel.state(user);
    }

    private static Instant sentAt(long seq) {
        return Instant.parse("2026-11-26T19:00:00Z").plusSeconds(seq % 1_000_000);
    }

    /** All the channel shows: its summary, its members' states and the readers of every seq up to past the head. */
    private List<Object> everything() {
        List<Object> all = new ArrayList<>();
        ChannelSummary summary = channel.summary();
        all.add(summary);
        all.add(Set.copyOf(channel.members()));
        all.add(channel.members().stream().map(channel::state).collect(Collectors.toSet()));
        for (long seq = 1; seq <= Math.min(summary.headSeq(), 100) + 1; seq++) {
            all.add(Set.copyOf(channel.readersOf(seq)));
        }
        return all;
    }
}
