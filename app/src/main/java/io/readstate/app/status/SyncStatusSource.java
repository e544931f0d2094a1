package io.readstate.app.status;

import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.TrackChanges;
import java.time.Duration;
import java.util.function.Supplier;

/** Where the sync status comes from: the change tracker in write-behind, nothing to sync otherwise. */
public final class SyncStatusSource implements Supplier<SyncStatus> {

    private static final SyncStatus NOTHING_TO_SYNC = new SyncStatus(0, 0, Duration.ZERO, null, 0, 0);

    private final TrackChanges changes;

    private SyncStatusSource(TrackChanges changes) {
        this.changes = changes;
    }

    public static SyncStatusSource of(TrackChanges changes) {
        return new SyncStatusSource(changes);
    }

    public static SyncStatusSource nothingToSync() {
        return new SyncStatusSource(null);
    }

    @Override
    public SyncStatus get() {
        return changes == null ? NOTHING_TO_SYNC : changes.status();
    }
}
