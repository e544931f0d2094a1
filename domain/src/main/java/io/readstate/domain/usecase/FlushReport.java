package io.readstate.domain.usecase;

import java.time.Duration;

/** What one flush wrote: channels and dirty entries covered, rows written, time taken. */
public record FlushReport(long channels, long entries, long rowsWritten, Duration took) {

    public static final FlushReport NOTHING = new FlushReport(0, 0, 0, Duration.ZERO);

    public FlushReport plus(FlushReport other) {
        return new FlushReport(channels + other.channels, entries + other.entries, rowsWritten + other.rowsWritten,
                took.plus(other.took));
    }

    public boolean wroteNothing() {
        return channels == 0;
    }
}
