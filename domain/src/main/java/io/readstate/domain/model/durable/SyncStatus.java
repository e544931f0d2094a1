package io.readstate.domain.model.durable;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the durable store trails the hot store: the dirty entries not yet written,
 * the channels they belong to, the age of the oldest (zero when none), and the last flush
 * of any instance ({@code lastFlushAt} null before the first).
 */
public record SyncStatus(long backlog, long dirtyChannels, Duration lag, Instant lastFlushAt, long lastFlushRows,
                         long flushedRowsTotal) {
}
