package io.readstate.console.page;

import static io.readstate.console.page.DisplayFormat.NONE;

import io.readstate.console.ConsoleSnapshot;
import io.readstate.console.Health;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot as the page shows it: every figure already written for people, keyed by the
 * name the page's {@code data-field} attributes use, with a tone for those that can look
 * wrong. The page renders it once; its script then puts fresh ones in place.
 */
public record SnapshotView(Instant takenAt, Map<String, String> figures, Map<String, String> tones,
                           List<HealthView> health, List<EventRate> events, String problem) {

    public SnapshotView {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        tones = Collections.unmodifiableMap(new LinkedHashMap<>(tones));
        health = List.copyOf(health);
        events = List.copyOf(events);
    }

    public static SnapshotView of(ConsoleSnapshot s) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("takenAt", DisplayFormat.clock(s.takenAt()));
        figures.put("mode", s.mode());
        figures.put("lag", DisplayFormat.duration(s.lagMillis()));
        figures.put("backlog", DisplayFormat.count(s.backlog()));
        figures.put("dirtyChannels", DisplayFormat.count(s.dirtyChannels()));
        figures.put("flushesPerMinute", DisplayFormat.decimal(s.flushesPerMinute()));
        figures.put("rowsPerFlush", DisplayFormat.decimal(s.rowsPerFlush()));
        figures.put("coalescingRatio", DisplayFormat.decimal(s.coalescingRatio()));
        figures.put("lastFlushAt", s.lastFlushAt() == null ? "never" : DisplayFormat.clock(s.lastFlushAt()));
        figures.put("lastFlushAgo", s.lastFlushAt() == null ? "no flush yet" : DisplayFormat.ago(s.lastFlushAt(), s.takenAt()));
        figures.put("lastFlushExact", DisplayFormat.exact(s.lastFlushAt()));
        figures.put("lastFlushMillis", s.lastFlushAt() == null ? NONE : DisplayFormat.duration(s.lastFlushMillis()));
        figures.put("lastFlushRows", DisplayFormat.count(s.lastFlushRows()));
        figures.put("lastFlushError", s.lastFlushError() == null ? "none" : s.lastFlushError());
        figures.put("flushedRowsTotal", DisplayFormat.count(s.flushedRowsTotal()));
        figures.put("recovery", s.recovering() ? "Rebuilding from PostgreSQL" : "Steady");
        figures.put("checkpointAge", DisplayFormat.duration(s.checkpointAgeMillis()));
        figures.put("eventsTotal", DisplayFormat.decimal(EventRate.total(s)));
        figures.put("overall", overall(s.health()));
        return new SnapshotView(s.takenAt(), figures, tonesOf(s), s.health().stream().map(HealthView::of).toList(),
                EventRate.of(s), s.problem());
    }

    /** What the page shows when no snapshot could be taken at all: every figure unknown, and why. */
    public static SnapshotView unavailable(Instant now, String problem) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String name : List.of("mode", "lag", "backlog", "dirtyChannels", "flushesPerMinute", "rowsPerFlush",
                "coalescingRatio", "lastFlushAt", "lastFlushAgo", "lastFlushMillis", "lastFlushRows",
                "lastFlushError", "flushedRowsTotal", "recovery", "checkpointAge", "eventsTotal")) {
            figures.put(name, NONE);
        }
        figures.put("takenAt", DisplayFormat.clock(now));
        figures.put("lastFlushExact", "");
        figures.put("overall", "Status unknown");
        Map<String, String> tones = Map.of("overall", Tone.BAD, "lag", Tone.NEUTRAL, "backlog", Tone.NEUTRAL,
                "lastFlush", Tone.NEUTRAL, "recovery", Tone.NEUTRAL);
        return new SnapshotView(now, figures, tones, List.of(), List.of(), problem);
    }

    private static Map<String, String> tonesOf(ConsoleSnapshot s) {
        String lag = s.health("sync-lag").map(h -> h.healthy() ? Tone.OK : Tone.BAD).orElse(Tone.NEUTRAL);
        Map<String, String> tones = new LinkedHashMap<>();
        tones.put("overall", s.health().isEmpty() ? Tone.NEUTRAL
                : s.health().stream().allMatch(Health::healthy) ? Tone.OK : Tone.BAD);
        tones.put("lag", lag);
        tones.put("backlog", lag);
        tones.put("lastFlush", s.lastFlushError() != null ? Tone.BAD : s.lastFlushAt() == null ? Tone.NEUTRAL : Tone.OK);
        tones.put("recovery", s.recovering() ? Tone.WARN : Tone.OK);
        return tones;
    }

    private static String overall(List<Health> health) {
        if (health.isEmpty()) {
            return "No health checks reported";
        }
        long failing = health.stream().filter(h -> !h.healthy()).count();
        if (failing == 0) {
            return "All checks passing";
        }
        return failing == 1 ? "1 check failing" : failing + " checks failing";
    }
}
