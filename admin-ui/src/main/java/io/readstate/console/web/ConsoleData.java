package io.readstate.console.web;

import io.readstate.console.ConsoleSnapshot;
import io.readstate.console.page.EventRate;
import io.readstate.console.page.HealthView;
import io.readstate.console.page.SnapshotView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code GET /console/data}: the figures as the page shows them, the raw
 * snapshot (null when none could be taken) and the history series the charts draw
 * (times in epoch seconds, lag in seconds).
 */
public final class ConsoleData {

    private ConsoleData() {
    }

    public static String json(SnapshotView view, Optional<ConsoleSnapshot> snapshot, List<ConsoleSnapshot> history,
                              long windowSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("takenAt", view.takenAt());
        body.put("problem", view.problem());
        body.put("figures", view.figures());
        body.put("tones", view.tones());
        body.put("health", view.health().stream().map(ConsoleData::health).toList());
        body.put("events", view.events().stream().map(ConsoleData::event).toList());
        body.put("snapshot", snapshot.map(ConsoleData::raw).orElse(null));
        body.put("history", series(history, windowSeconds));
        return JsonEncoder.encode(body);
    }

    private static Map<String, Object> health(HealthView check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", check.name());
        json.put("label", check.label());
        json.put("healthy", check.healthy());
        json.put("state", check.state());
        json.put("tone", check.tone());
        json.put("message", check.message());
        return json;
    }

    private static Map<String, Object> event(EventRate rate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", rate.type());
        json.put("perSecond", rate.perSecond());
        json.put("text", rate.text());
        json.put("share", rate.share());
        return json;
    }

    private static Map<String, Object> raw(ConsoleSnapshot s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("takenAt", s.takenAt());
        json.put("mode", s.mode());
        json.put("backlog", s.backlog());
        json.put("dirtyChannels", s.dirtyChannels());
        json.put("lagMillis", s.lagMillis());
        json.put("lastFlushAt", s.lastFlushAt());
        json.put("lastFlushRows", s.lastFlushRows());
        json.put("lastFlushMillis", s.lastFlushMillis());
        json.put("lastFlushError", s.lastFlushError());
        json.put("flushedRowsTotal", s.flushedRowsTotal());
        json.put("flushesPerMinute", s.flushesPerMinute());
        json.put("rowsPerFlush", s.rowsPerFlush());
        json.put("coalescingRatio", s.coalescingRatio());
        json.put("recovering", s.recovering());
        json.put("checkpointAgeMillis", s.checkpointAgeMillis());
        json.put("eventsPerSecond", new LinkedHashMap<>(s.eventsPerSecond()));
        json.put("problem", s.problem());
        return json;
    }

    private static Map<String, Object> series(List<ConsoleSnapshot> history, long windowSeconds) {
        List<Object> times = new ArrayList<>(history.size());
        List<Object> lagSeconds = new ArrayList<>(history.size());
        List<Object> backlog = new ArrayList<>(history.size());
        for (ConsoleSnapshot s : history) {
            times.add(s.takenAt().toEpochMilli() / 1000.0);
            lagSeconds.add(s.lagMillis() / 1000.0);
            backlog.add(s.backlog());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("windowSeconds", windowSeconds);
        json.put("t", times);
        json.put("lagSeconds", lagSeconds);
        json.put("backlog", backlog);
        return json;
    }
}
