package io.readstate.domain.port;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.Outcome;
import java.util.List;

/**
 * Records channel events in the hot store. Events are applied in the order given, each
 * one atomically with respect to its channel, following the rules of the contract; the
 * outcome at index i belongs to the event at index i.
 *
 * <p>Throws {@link StoreUnavailable} when the store cannot be reached; events before the
 * failure may have been applied, and every event is safe to deliver again.
 */
public interface RecordChannelEvents {

    List<Outcome> record(List<ChannelEvent> events);

    /**
     * Records the events as {@link #record} does, answering each {@link Outcome#brief()
     * briefly}: a batch of events (POST /v1/events) answers each with its status alone, and
     * a store may then spare itself working out what is left out (a read's member state,
     * a message's recipients).
     */
    default List<Outcome> recordBriefly(List<ChannelEvent> events) {
        return record(events).stream().map(Outcome::brief).toList();
    }
}
