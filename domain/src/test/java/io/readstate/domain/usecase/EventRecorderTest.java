package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.delete;
import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.joinAll;
import static io.readstate.domain.model.Events.leave;
import static io.readstate.domain.model.Events.message;
import static io.readstate.domain.model.Events.readToTheHead;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.RecordChannelEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events that carry no time get the server's clock, to the millisecond, before they are recorded. */
class EventRecorderTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123456789Z");
    private static final Instant NOW_IN_MILLIS = Instant.parse("2026-11-26T19:00:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-11-25T08:30:00.250Z");

    private final EventsKept store = new EventsKept();
    private final EventRecorder recorder = new EventRecorder(store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void events_without_a_time_are_stamped_with_the_clock_to_the_millisecond() {
        recorder.recordAll(List.of(message(GENERAL, 1, ALICE), readToTheHead(GENERAL, BOB), join(GENERAL, BOB),
                joinAll(GENERAL, ALICE, BOB)));

        assertThat(((MessagePosted) store.kept.get(0)).sentAt()).isEqualTo(NOW_IN_MILLIS);
        assertThat(((ChannelRead) store.kept.get(1)).readAt()).isEqualTo(NOW_IN_MILLIS);
        assertThat(((MemberJoined) store.kept.get(2)).joinedAt()).isEqualTo(NOW_IN_MILLIS);
        assertThat(((MembersJoined) store.kept.get(3)).joinedAt()).isEqualTo(NOW_IN_MILLIS);
    }

    @Test
    void events_with_a_time_keep_it() {
        List<ChannelEvent> timed = List.of(
                new MessagePosted(GENERAL, 1, ALICE, EARLIER, Set.of(BOB), false),
                new ChannelRead(GENERAL, BOB, OptionalLong.of(1), EARLIER),
                new MemberJoined(GENERAL, BOB, OptionalLong.empty(), EARLIER),
                new MembersJoined(GENERAL, List.of(ALICE), EARLIER));

        recorder.recordAll(timed);

        assertThat(store.kept).isEqualTo(timed);
    }

    @Test
    void events_that_carry_no_time_are_recorded_as_they_are() {
        List<ChannelEvent> untimed = List.of(leave(GENERAL, ALICE), delete(GENERAL, 4));

        recorder.recordAll(untimed);

        assertThat(store.kept).isEqualTo(untimed);
    }

    @Test
    void events_are_recorded_together_in_the_order_given_and_the_outcomes_come_back_in_that_order() {
        List<Outcome> outcomes = recorder.recordAll(List.of(delete(GENERAL, 2), delete(GENERAL, 1)));

        assertThat(store.batches).isEqualTo(1);
        assertThat(store.kept).containsExactly(delete(GENERAL, 2), delete(GENERAL, 1));
        assertThat(outcomes).containsExactly(new Outcome.Deleted(true), new Outcome.Deleted(false));
    }

    @Test
    void one_event_is_recorded_alone_and_its_outcome_returned() {
        Outcome outcome = recorder.recordOne(delete(GENERAL, 2));

        assertThat(store.kept).containsExactly(delete(GENERAL, 2));
        assertThat(outcome).isEqualTo(new Outcome.Deleted(true));
    }

    /** A store that keeps what it is given; it deletes messages with an even seq and nothing else. */
    private static final class EventsKept implements RecordChannelEvents {
        final List<ChannelEvent> kept = new ArrayList<>();
        int batches;

        @Override
        public List<Outcome> record(List<ChannelEvent> events) {
            batches++;
            kept.addAll(events);
            List<Outcome> outcomes = new ArrayList<>();
            for (ChannelEvent event : events) {
                boolean even = event instanceof MessageDeleted d && d.seq() % 2 == 0;
                outcomes.add(new Outcome.Deleted(even));
            }
            return outcomes;
        }
    }
}
