package io.readstate.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.rules.Histories.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Long random histories, checked event by event against {@link BruteForceReadState}, a
 * second and deliberately naive writing of the rules.
 */
class ChannelPropertiesTest {

    @Property(tries = 50)
    void after_every_event_the_state_is_what_the_brute_force_count_says(
            @ForAll("longHistories") List<Step> history, @ForAll @IntRange(min = 3, max = 15) int windowSize) {
        replayCheckingEveryEvent(history, windowSize);
    }

    @Property(tries = 10)
    void with_a_window_larger_than_the_history_every_count_is_exact_and_never_capped(
            @ForAll("longHistories") List<Step> history) {
        ReadStateSnapshot last = replayCheckingEveryEvent(history, 10_000);

        assertThat(last.allStates()).noneMatch(MemberState::unreadCapped);
    }

    @Property(tries = 30)
    void a_batch_ends_in_the_same_state_as_its_events_recorded_one_by_one(
            @ForAll("longHistories") List<Step> history, @ForAll @IntRange(min = 3, max = 15) int windowSize) {
        List<ChannelEvent> events = Histories.events(history, new BruteForceReadState(windowSize));
        InMemoryReadState batched = new InMemoryReadState(windowSize);
        InMemoryReadState oneByOne = new InMemoryReadState(windowSize);

        List<Outcome> batchOutcomes = batched.record(events);
        List<Outcome> singleOutcomes = new ArrayList<>();
        for (ChannelEvent event : events) {
            singleOutcomes.addAll(oneByOne.record(List.of(event)));
        }

        assertThat(batchOutcomes).isEqualTo(singleOutcomes);
        assertThat(snapshot(batched)).isEqualTo(snapshot(oneByOne));
    }

    @Provide
    Arbitrary<List<Step>> longHistories() {
        return Histories.histories(100, 300);
    }

    /** Records the history into both states, checking everything after each event; answers the last state. */
    private static ReadStateSnapshot replayCheckingEveryEvent(List<Step> history, int windowSize) {
        InMemoryReadState store = new InMemoryReadState(windowSize);
        BruteForceReadState reference = new BruteForceReadState(windowSize);
        ReadStateSnapshot before = snapshot(store);
        for (int i = 0; i < history.size(); i++) {
            ChannelEvent event = Histories.eventAt(history, i, reference);
            String context = "event " + i + ": " + event;

            Outcome expected = reference.record(List.of(event)).get(0);
            Outcome outcome = store.record(List.of(event)).get(0);

            assertThat(outcome).as(context).isEqualTo(expected);
            ReadStateSnapshot after = snapshot(store);
            assertThat(after).as(context).isEqualTo(ReadStateSnapshot.of(reference, Histories.USERS));
            assertSoundAfter(before, after, windowSize, context);

            Outcome again = store.record(List.of(event)).get(0);

            assertTheRepeatChangedNothing(event, outcome, again, context);
            assertThat(snapshot(store)).as("repeated " + context).isEqualTo(after);
            before = after;
        }
        return before;
    }

    /**
     * Counts never negative, mentions among the unread, read positions between 0 and the head,
     * readers among the members; heads and the read positions of members who stayed never move
     * back, and channels never vanish. Checked in plain code, reported together.
     */
    private static void assertSoundAfter(ReadStateSnapshot before, ReadStateSnapshot after, int windowSize,
                                         String context) {
        List<String> broken = new ArrayList<>();
        for (MemberState member : after.allStates()) {
            long head = after.channels().get(member.channelId()).headSeq();
            check(broken, member.unread() >= 0 && member.unread() <= windowSize, "unread out of range", member);
            check(broken, member.mentions() >= 0 && member.mentions() <= member.unread(), "mentions", member);
            check(broken, member.lastReadSeq() >= 0 && member.lastReadSeq() <= head, "lastReadSeq", member);
            check(broken, member.headSeq() == head, "headSeq", member);
            MemberState earlier = before.states().getOrDefault(member.channelId(), Map.of()).get(member.userId());
            check(broken, earlier == null || member.lastReadSeq() >= earlier.lastReadSeq(), "moved back", member);
        }
        after.readers().forEach((channel, bySeq) -> bySeq.forEach((seq, readers) -> check(broken,
                readers.memberCount() == after.members().get(channel).size()
                        && after.members().get(channel).containsAll(readers.userIds()), "readers", readers)));
        check(broken, after.channelIds().containsAll(before.channelIds()), "a channel vanished", after.channelIds());
        before.channels().forEach((channel, summary) -> check(broken,
                after.channels().get(channel).headSeq() >= summary.headSeq(), "head moved back", channel));
        assertThat(broken).as(context).isEmpty();
    }

    private static void check(List<String> broken, boolean holds, String what, Object where) {
        if (!holds) {
            broken.add(what + ": " + where);
        }
    }

    private static void assertTheRepeatChangedNothing(ChannelEvent event, Outcome first, Outcome again,
                                                      String context) {
        assertThat(again.applied()).as("repeated " + context).isFalse();
        if (event instanceof MessagePosted message) {
            assertThat(again).isEqualTo(new Outcome.MessageAccepted(message.channelId(), message.seq(), false, 0, 0));
        } else if (event instanceof ChannelRead) {
            assertThat(again).isInstanceOfAny(Outcome.ReadRecorded.class, Outcome.NotAMember.class);
        } else if (event instanceof MemberJoined && first instanceof Outcome.Joined joined) {
            assertThat(again).isEqualTo(new Outcome.Joined(joined.state(), false));
        } else if (event instanceof MemberJoined) {
            assertThat(again).isEqualTo(first).isInstanceOf(Outcome.ReadPositionAboveHead.class);
        } else if (event instanceof MembersJoined join) {
            assertThat(again).isEqualTo(new Outcome.MembersAdded(0, join.userIds().size()));
        } else if (event instanceof MemberLeft leave) {
            assertThat(again).isEqualTo(new Outcome.NotAMember(leave.channelId(), leave.userId()));
        } else if (event instanceof MessageDeleted) {
            assertThat(again).isEqualTo(new Outcome.Deleted(false));
        }
    }

    private static ReadStateSnapshot snapshot(InMemoryReadState state) {
        return ReadStateSnapshot.of(state, Histories.USERS);
    }
}
