package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.Outcome;
import java.util.List;

/**
 * A batch of events, applied in order in one round trip; one outcome per event, brief (a
 * batch answers each event with its status alone, so a read's member state is not worked out).
 */
public final class ApplyEvents {

    /** The most events one batch may carry. */
    public static final int MAX_EVENTS = 1_000;

    private final EventRecorder recorder;

    public ApplyEvents(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public List<Outcome> apply(List<ChannelEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return recorder.recordAllBriefly(events);
    }
}
