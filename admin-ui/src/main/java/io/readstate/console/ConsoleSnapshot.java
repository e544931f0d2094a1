package io.readstate.console;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The service at one instant, as the console shows it.
 *
 * @param takenAt             when the snapshot was taken
 * @param mode                {@code write-behind}, {@code write-through} or {@code cache-only}
 * @param backlog             dirty state entries not yet written to PostgreSQL
 * @param dirtyChannels       the channels those entries belong to
 * @param lagMillis           the age of the oldest dirty entry (0 when none)
 * @param lastFlushAt         when the last flush (of any instance) finished; null before the first
 * @param lastFlushRows       the rows that flush wrote
 * @param lastFlushMillis     how long it took
 * @param lastFlushError      why the last flush attempt failed; null when it succeeded
 * @param flushedRowsTotal    rows written since the start
 * @param flushesPerMinute    recent flush rate
 * @param rowsPerFlush        recent rows per flush
 * @param coalescingRatio     recent events per row written; NaN before any row
 * @param recovering          whether Redis is being rebuilt from PostgreSQL
 * @param checkpointAgeMillis how old the last checkpoint is, i.e. what a Redis loss would lose; null when unknown
 * @param health              the {@code redis}, {@code postgres} and {@code sync-lag} checks
 * @param eventsPerSecond     recent event rate by type ({@code message}, {@code read}, {@code join}, ...), in this order
 * @param problem             what could not be read when the snapshot could be taken only in part; null otherwise
 */
public record ConsoleSnapshot(Instant takenAt, String mode, long backlog, long dirtyChannels, long lagMillis,
                              Instant lastFlushAt, long lastFlushRows, long lastFlushMillis, String lastFlushError,
                              long flushedRowsTotal, double flushesPerMinute, double rowsPerFlush,
                              double coalescingRatio, boolean recovering, Long checkpointAgeMillis,
                              List<Health> health, Map<String, Double> eventsPerSecond, String problem) {

    public ConsoleSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(mode, "mode");
        health = health == null ? List.of() : List.copyOf(health);
        eventsPerSecond = eventsPerSecond == null ? Map.of() : orderedCopy(eventsPerSecond);
    }

    /** The entry of that name ({@code redis}, {@code postgres}, {@code sync-lag}), if the snapshot has one. */
    public Optional<Health> health(String name) {
        return health.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    private static Map<String, Double> orderedCopy(Map<String, Double> rates) {
        Map<String, Double> copy = new LinkedHashMap<>();
        rates.forEach((type, rate) -> copy.put(Objects.requireNonNull(type), rate == null ? Double.NaN : rate));
        return Collections.unmodifiableMap(copy);
    }
}
