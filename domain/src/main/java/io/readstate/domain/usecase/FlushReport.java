package io.readstate.domain.usecase;

import java.time.Duration;

/**
 * What one flush wrote: channels written (a channel written in parts, over several batches,
 * once per part), dirty entries covered, rows written, time taken, and whether it knows of
 * more waiting (its batch was full: it claimed as many channels or took as many entries as
 * a batch may hold).
 */
public record FlushReport(long channels, long entries, long rowsWritten, Duration took, boolean moreWaiting) {

    public static final FlushReport NOTHING = new FlushReport(0, 0, 0, Duration.ZERO, false);

    /** The two flushes together; more is waiting when the later one says so. */
    public FlushReport plus(FlushReport later) {
        return new FlushReport(channels + later.channels, entries + later.entries, rowsWritten + later.rowsWritten,
                took.plus(later.took), later.moreWaiting);
    }

    public boolean wroteNothing() {
        return channels == 0;
    }
}
