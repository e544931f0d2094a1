package io.readstate.domain.port;

import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.Checkpoint;
import java.util.List;
import java.util.Optional;

/**
 * Writes coalesced changes to the durable store in one transaction. Every write is
 * idempotent and order-free: read positions and heads only move forward, messages are
 * inserted once, deletions are tombstones, departures are guarded by generation.
 * Returns the rows written. Throws {@link StoreUnavailable} when the write failed (then
 * nothing was written).
 */
public interface WriteCheckpoint {

    /**
     * @param checkpoint when given, what this write makes durable once it commits: the
     *                   store keeps it as its checkpoint (which only moves forward), what a
     *                   loss of the hot store is reported against
     */
    long write(List<ChannelChanges> changes, Optional<Checkpoint> checkpoint);
}
