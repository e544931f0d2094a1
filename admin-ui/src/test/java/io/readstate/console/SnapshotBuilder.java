package io.readstate.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots for tests: a healthy write-behind service unless told otherwise. */
public final class SnapshotBuilder {

    private Instant takenAt = Instant.parse("2026-11-26T19:00:05Z");
    private String mode = "write-behind";
    private long backlog = 12_345;
    private long dirtyChannels = 321;
    private long lagMillis = 1_200;
    private Instant lastFlushAt = Instant.parse("2026-11-26T19:00:03Z");
    private long lastFlushRows = 1_024;
    private long lastFlushMillis = 84;
    private String lastFlushError;
    private long flushedRowsTotal = 9_812_334;
    private double flushesPerMinute = 12;
    private double rowsPerFlush = 1_024;
    private double coalescingRatio = 8.4;
    private boolean recovering;
    private Long checkpointAgeMillis = 4_200L;
    private List<Health> health = List.of(
            Health.up("redis", "PONG in 0.4 ms"),
            Health.up("postgres", "SELECT 1 in 1.1 ms"),
            Health.up("sync-lag", "1.2 s, limit 30 s"));
    private Map<String, Double> eventsPerSecond = rates();
    private String problem;

    public static SnapshotBuilder aSnapshot() {
        return new SnapshotBuilder();
    }

    public SnapshotBuilder at(Instant at) {
        this.takenAt = at;
        return this;
    }

    public SnapshotBuilder lag(long millis, long backlogEntries) {
        this.lagMillis = millis;
        this.backlog = backlogEntries;
        return this;
    }

    public SnapshotBuilder lastFlush(Instant at, String error) {
        this.lastFlushAt = at;
        this.lastFlushError = error;
        return this;
    }

    public SnapshotBuilder coalescingRatio(double ratio) {
        this.coalescingRatio = ratio;
        return this;
    }

    public SnapshotBuilder recovering(Long checkpointAge) {
        this.recovering = true;
        this.checkpointAgeMillis = checkpointAge;
        return this;
    }

    public SnapshotBuilder health(Health... checks) {
        this.health = List.of(checks);
        return this;
    }

    public SnapshotBuilder events(Map<String, Double> rates) {
        this.eventsPerSecond = rates;
        return this;
    }

    public SnapshotBuilder problem(String problem) {
        this.problem = problem;
        return this;
    }

    public ConsoleSnapshot build() {
        return new ConsoleSnapshot(takenAt, mode, backlog, dirtyChannels, lagMillis, lastFlushAt, lastFlushRows,
                lastFlushMillis, lastFlushError, flushedRowsTotal, flushesPerMinute, rowsPerFlush, coalescingRatio,
                recovering, checkpointAgeMillis, health, eventsPerSecond, problem);
    }

    private static Map<String, Double> rates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("message", 1_200.0);
        rates.put("read", 310.5);
        rates.put("join", 8.0);
        rates.put("leave", 1.5);
        rates.put("delete", 0.2);
        return rates;
    }
}
