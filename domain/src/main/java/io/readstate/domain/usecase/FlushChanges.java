package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.Checkpoint;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.port.TrackChanges;
import io.readstate.domain.port.WriteCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Write-behind: moves what changed in the hot store to the durable store in coalesced
 * batches. A batch is claimed, written in one transaction, and released only after the
 * commit; when the write fails the claim is given up and the changes stay for the next try.
 * A release or give-up that the hot store could not take (it was unreachable just then)
 * is tried again before the next batch, instead of leaving the channels claimed until
 * their lease runs out; both are harmless to repeat.
 */
public final class FlushChanges {

    /** Claims to settle: released after a commit, or given up after a failure. */
    private record Unsettled(List<ChannelId> claimed, boolean written) {
    }

    private final TrackChanges changes;
    private final WriteCheckpoint checkpoint;
    private final Clock clock;
    private final int channelsPerBatch;
    private final long entriesPerBatch;
    private final Queue<Unsettled> unsettled = new ConcurrentLinkedQueue<>();

    /**
     * @param channelsPerBatch the most channels one batch claims
     * @param entriesPerBatch  about the most dirty entries one batch takes (one transaction's size)
     */
    public FlushChanges(TrackChanges changes, WriteCheckpoint checkpoint, Clock clock, int channelsPerBatch,
                        long entriesPerBatch) {
        this.changes = changes;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.channelsPerBatch = channelsPerBatch;
        this.entriesPerBatch = entriesPerBatch;
    }

    /**
     * One batch: at most {@code channelsPerBatch} channels and about {@code entriesPerBatch}
     * entries. When the claim took every dirty channel and the take every entry of each,
     * the write carries the checkpoint it makes: durable until the claim's start, taken by
     * the end of the take (with nothing to write, the checkpoint is written on its own, as
     * far as the durable store can take it now).
     */
    public FlushReport flushBatch() {
        Instant start = clock.instant();
        settle();
        Claim claim = changes.claim(channelsPerBatch);
        List<ChannelId> claimed = claim.channels();
        if (claimed.isEmpty()) {
            if (claim.complete()) {
                advanceCheckpoint(new Checkpoint(start, clock.instant()));
            }
            return FlushReport.NOTHING;
        }
        long rows;
        long entries = 0;
        int written;
        boolean everyEntry;
        try {
            List<ChannelChanges> taken = changes.takeChanges(claimed, entriesPerBatch);
            written = taken.size();
            everyEntry = written == claimed.size();
            for (ChannelChanges channel : taken) {
                entries += channel.entries();
                everyEntry &= channel.complete();
            }
            Optional<Checkpoint> made = claim.complete() && everyEntry
                    ? Optional.of(new Checkpoint(start, clock.instant())) : Optional.empty();
            rows = checkpoint.write(taken, made);
        } catch (StoreUnavailable e) {
            settleOrKeep(new Unsettled(claimed, false));
            throw e;
        }
        settleOrKeep(new Unsettled(claimed, true));
        Instant end = clock.instant();
        changes.noteFlush(end, rows);
        boolean moreWaiting = claimed.size() == channelsPerBatch || !everyEntry;
        return new FlushReport(written, entries, rows, Duration.between(start, end), moreWaiting);
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
        } while (batch.moreWaiting() && clock.instant().isBefore(deadline));
        return total;
    }

    /** Nothing was dirty: the checkpoint moves on, unless the durable store cannot take it now (then it stays behind). */
    private void advanceCheckpoint(Checkpoint made) {
        try {
            checkpoint.write(List.of(), Optional.of(made));
        } catch (StoreUnavailable stillBehind) {
            // the next flush tries again; an older checkpoint only overstates a loss
        }
    }

    /** Tries again what could not be settled before; what still cannot be waits for the next batch. */
    private void settle() {
        for (int i = unsettled.size(); i > 0; i--) {
            Unsettled claims = unsettled.poll();
            if (claims == null) {
                return;
            }
            settleOrKeep(claims);
        }
    }

    private void settleOrKeep(Unsettled claims) {
        try {
            if (claims.written()) {
                changes.release(claims.claimed());
            } else {
                changes.abandon(claims.claimed());
            }
        } catch (StoreUnavailable unreachable) {
            // tried again before the next batch; at worst the claims run out by themselves
            unsettled.add(claims);
        }
    }
}
