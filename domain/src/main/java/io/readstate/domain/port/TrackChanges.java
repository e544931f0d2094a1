package io.readstate.domain.port;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.model.durable.SyncStatus;
import java.time.Instant;
import java.util.List;

/**
 * The hot store's record of what has not yet reached the durable store. A flusher
 * claims channels (under a lease, so a flusher that dies loses nothing), takes their
 * changes, writes them, and only then releases them. Throws {@link StoreUnavailable}
 * when the hot store cannot be reached.
 */
public interface TrackChanges {

    /** Claims up to {@code max} dirty channels, oldest first, that no live lease holds. */
    Claim claim(int max);

    /**
     * The coalesced changes of claimed channels, about {@code maxEntries} dirty entries at
     * most: one per channel taken. A channel with more entries is taken in part; claimed
     * channels past the limit are given up (their changes wait for the next batch).
     */
    List<ChannelChanges> takeChanges(List<ChannelId> claimed, long maxEntries);

    /** The changes taken are written: forget them and give up the claims. */
    void release(List<ChannelId> claimed);

    /** The write failed: give up the claims, keep the changes for the next flush. */
    void abandon(List<ChannelId> claimed);

    /** Notes a completed flush for {@link #status()}. */
    void noteFlush(Instant at, long rowsWritten);

    SyncStatus status();
}
