package io.readstate.domain.port;

import io.readstate.domain.model.durable.ChannelChanges;
import java.util.List;

/**
 * Writes coalesced changes to the durable store in one transaction. Every write is
 * idempotent and order-free: read positions and heads only move forward, messages are
 * inserted once, deletions are tombstones, departures are guarded by generation.
 * Returns the rows written. Throws {@link StoreUnavailable} when the write failed (then
 * nothing was written).
 */
public interface WriteCheckpoint {

    long write(List<ChannelChanges> changes);
}
