package io.readstate.domain.usecase;

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
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batch of events from a chat service, applied in order, one outcome each. */
class ApplyEventsTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final ChannelId RANDOM = ChannelId.of("random");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final ApplyEvents applyEvents = new ApplyEvents(new EventRecorder(state, Clock.fixed(NOW, ZoneOffset.UTC)));

    /** A read's and a message's outcomes are brief: a batch answers each event with its status alone. */
    @Test
    void events_are_applied_in_order_with_one_outcome_each() {
        List<Outcome> outcomes = applyEvents.apply(List.of(
                joinFrom(GENERAL, ALICE, 0),
                message(GENERAL, 1, BOB, ALICE),
                message(GENERAL, 2, BOB),
                read(GENERAL, ALICE, 1),
                delete(GENERAL, 2),
                joinAll(RANDOM, ALICE, BOB),
                leave(RANDOM, BOB)));

        assertThat(outcomes).containsExactly(
                new Outcome.Joined(new MemberState(GENERAL, ALICE, 0, false, 0, 0, NOW, 0), true),
                new Outcome.MessageNoted(true),
                new Outcome.MessageNoted(true),
                new Outcome.ReadNoted(true),
                new Outcome.Deleted(true),
                new Outcome.MembersAdded(2, 0),
                new Outcome.Left());
        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isZero();
    }

    @Test
    void a_rejected_event_does_not_stop_the_ones_after_it() {
        List<Outcome> outcomes = applyEvents.apply(List.of(
                read(GENERAL, ALICE, 1),
                join(GENERAL, ALICE),
                leave(GENERAL, BOB),
                message(GENERAL, 1, BOB)));

        assertThat(outcomes.get(0)).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        assertThat(outcomes.get(1).applied()).isTrue();
        assertThat(outcomes.get(2)).isEqualTo(new Outcome.NotAMember(GENERAL, BOB));
        assertThat(outcomes.get(3).applied()).isTrue();
        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isEqualTo(1);
    }

    @Test
    void events_without_a_time_happen_now_and_those_with_one_keep_it() {
        Instant joinedAt = Instant.parse("2026-11-26T10:00:00Z");

        applyEvents.apply(List.of(
                new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), joinedAt),
                new MemberJoined(GENERAL, BOB, OptionalLong.empty(), null),
                new MessagePosted(RANDOM, 1, ALICE, null, Set.of(), false)));

        assertThat(state.member(GENERAL, ALICE).orElseThrow().lastReadAt()).isEqualTo(joinedAt);
        assertThat(state.member(GENERAL, BOB).orElseThrow().lastReadAt()).isEqualTo(NOW);
        assertThat(state.channel(RANDOM)).contains(new ChannelSummary(RANDOM, 1, 0, NOW));
    }

    @Test
    void delivering_a_batch_again_changes_nothing_for_its_messages() {
        List<ChannelEvent> messages = List.of(message(GENERAL, 1, BOB, ALICE), message(GENERAL, 2, BOB));
        applyEvents.apply(List.of(join(GENERAL, ALICE)));
        applyEvents.apply(messages);

        List<Outcome> again = applyEvents.apply(messages);

        assertThat(again).extracting(Outcome::applied).containsExactly(false, false);
        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isEqualTo(2);
    }

    @Test
    void an_empty_batch_has_no_outcomes() {
        assertThat(applyEvents.apply(List.of())).isEmpty();
        assertThat(state.channelIds()).isEmpty();
    }
}
