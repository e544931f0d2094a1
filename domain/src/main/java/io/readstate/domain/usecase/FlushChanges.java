package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.port.TrackChanges;
import io.readstate.domain.port.WriteCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Write-behind: moves what changed in the hot store to the durable store in coalesced
 * batches. A batch is claimed, written in one transaction, and released only after the
 * commit; when the write fails the claim is given up and the changes stay for the next try.
 */
public final class FlushChanges {

    private final TrackChanges changes;
    private final WriteCheckpoint checkpoint;
    private final Clock clock;
    private final int channelsPerBatch;

    public FlushChanges(TrackChanges changes, WriteCheckpoint checkpoint, Clock clock, int channelsPerBatch) {
        this.changes = changes;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.channelsPerBatch = channelsPerBatch;
    }

    /** One batch: at most {@code channelsPerBatch} channels. */
    public FlushReport flushBatch() {
        Instant start = clock.instant();
        List<ChannelId> claimed = changes.claim(channelsPerBatch);
        if (claimed.isEmpty()) {
            return FlushReport.NOTHING;
        }
        long rows;
        long entries = 0;
        try {
            List<ChannelChanges> taken = changes.takeChanges(claimed);
            for (ChannelChanges channel : taken) {
                entries += channel.entries();
            }
            rows = checkpoint.write(taken);
        } catch (StoreUnavailable e) {
            abandonQuietly(claimed);
            throw e;
        }
        changes.release(claimed);
        Instant end = clock.instant();
        changes.noteFlush(end, rows);
        return new FlushReport(claimed.size(), entries, rows, Duration.between(start, end));
    }

    /**
     * Writes what is dirty now: batch after batch while batches come back full (more was
     * waiting), until one is not or {@code budget} has passed. Changes made meanwhile wait
     * for the next flush, so that under steady traffic each flush is one transaction that
     * coalesces a whole interval, not a stream of small ones.
     */
    public FlushReport flushAll(Duration budget) {
        Instant deadline = clock.instant().plus(budget);
        FlushReport total = FlushReport.NOTHING;
        FlushReport batch;
        do {
            batch = flushBatch();
            total = total.plus(batch);
        } while (batch.channels() == channelsPerBatch && clock.instant().isBefore(deadline));
        return total;
    }

    private void abandonQuietly(List<ChannelId> claimed) {
        try {
            changes.abandon(claimed);
        } catch (StoreUnavailable ignored) {
            // the claims run out by themselves
        }
    }
}
