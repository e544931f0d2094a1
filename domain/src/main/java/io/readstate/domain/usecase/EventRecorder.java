package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.port.RecordChannelEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stamps events that carry no time with the server's clock, then records them. */
public final class EventRecorder {

    private final RecordChannelEvents store;
    private final Clock clock;

    public EventRecorder(RecordChannelEvents store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Outcome recordOne(ChannelEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    List<Outcome> recordAll(List<ChannelEvent> events) {
        return store.record(stamped(events));
    }

    /** As {@link #recordAll}, each outcome {@link Outcome#brief() brief}. */
    List<Outcome> recordAllBriefly(List<ChannelEvent> events) {
        return store.recordBriefly(stamped(events));
    }

    private List<ChannelEvent> stamped(List<ChannelEvent> events) {
        Instant now = clock.instant();
        List<ChannelEvent> stamped = new ArrayList<>(events.size());
        for (ChannelEvent event : events) {
            stamped.add(event.stampedAt(now));
        }
        return stamped;
    }
}
