package io.readstate.bench.report;

import io.readstate.bench.load.Latency;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.run.FloorStep;
import io.readstate.bench.run.ModeBench;
import io.readstate.bench.run.Results;
import io.readstate.bench.run.SweepPoint;
import io.readstate.bench.run.SystemFigures;
import io.readstate.bench.run.TransportFigures;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The comparison table in Markdown: one row per system and way of driving it, then the ceilings. */
public final class ResultsTable {

    private static final String HEADER = "| system | driven by | max sustained events/s: p99 < 10 ms (p99 < 100 ms) "
            + "| p50 / p99 / p99.9 latency at half that rate | PostgreSQL rows written per 1,000 events "
            + "| PostgreSQL transactions per 1,000 events | Redis bytes per membership | Redis bytes per message in the window "
            + "| events lost on a hard Redis kill (flush interval 1 s) | rebuild of Redis from PostgreSQL |\n"
            + "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |\n";

    private ResultsTable() {
    }

    public static String comparison(Results results) {
        StringBuilder table = new StringBuilder(HEADER);
        for (SystemFigures system : results.systems()) {
            boolean postgres = !system.system().equals("cache-only");
            table.append(row(system.label(), driver(system, false), system.single(), postgres, cells(system)));
            system.batch().ifPresent(batch -> table.append(row("″", driver(system, true), batch, postgres,
                    List.of("″", "″", "″", "″"))));
        }
        results.redisCeiling().ifPresent(r -> table.append(String.format(Locale.ROOT, "| Ceiling: Redis alone | "
                        + "`redis-benchmark -q -t set,incr -n %,d` on the same Redis | SET %s, INCR %s requests/s "
                        + "| p50 %.2f / %.2f ms (at full rate, 50 clients) | — | — | — | — | — | — |%n",
                results.profile().redisBenchmarkRequests(), Cells.number(r.set()), Cells.number(r.incr()), r.setP50(),
                r.incrP50())));
        results.postgresCeiling().ifPresent(p -> table.append(String.format(Locale.ROOT, "| Ceiling: PostgreSQL alone | "
                + "bulk `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE`, 10,000 rows per transaction | "
                + "%s rows/s (%s transactions/s) | — | — | — | — | — | — | — |%n", Cells.number(p.rowsPerSecond()),
                Cells.decimal(p.commitsPerSecond()))));
        return table.toString();
    }

    /**
     * Write-behind through /v1/events with {@link ModeBench#LARGE_BATCH} events per request:
     * the same search and latency run as the table's rows, without their other columns.
     */
    public static String largeBatches(Results results) {
        return results.largeBatches().map(large -> {
            Latency latency = large.halfRate().latency();
            return String.format(Locale.ROOT, "%nWrite-behind through `/v1/events` with %d events per request (the same mix "
                            + "of messages and reads; a gateway sending tens of thousands of events a second gathers that "
                            + "many in 5 to 10 ms): max sustained %s events/s, p99 < 10 ms (p99 < 100 ms in brackets); "
                            + "p50 / p99 / p99.9 latency %.2f / %.2f / %.2f ms at %s/s.%n", ModeBench.LARGE_BATCH,
                    Cells.maxRate(large.search()), latency.p50(), latency.p99(), latency.p999(),
                    Cells.number(large.halfRate().targetRate()));
        }).orElse("");
    }

    private static List<String> cells(SystemFigures system) {
        return List.of(Cells.perMember(system.memory()), Cells.perMessage(system.memory()), Cells.loss(system.loss()),
                Cells.rebuild(system.rebuild()));
    }

    private static String row(String label, String driver, TransportFigures figures, boolean postgres, List<String> rest) {
        return "| " + label + " | " + driver + " | " + Cells.maxRate(figures) + " | " + Cells.latency(figures) + " | "
                + Cells.rows(figures, postgres) + " | " + Cells.commits(figures, postgres) + " | "
                + String.join(" | ", rest) + " |\n";
    }

    private static String driver(SystemFigures system, boolean batch) {
        if (system.system().equals("per-member")) {
            return "in-process Lua calls on the same kind of Redis, one per event (no HTTP); flusher every 1 s";
        }
        return overHttp(batch);
    }

    /** How a system was driven over HTTP: one request per event, or {@link ModeBench#BATCH} events per request. */
    static String overHttp(boolean batch) {
        return batch ? "HTTP, `/v1/events` with " + ModeBench.BATCH + " events per request" : "HTTP, one request per event";
    }

    /** The floor steps: rate asked, rate acknowledged, latency, CPU per request on each side. */
    public static String floor(Results results) {
        if (results.floor().isEmpty()) {
            return "Not measured (no admin port).\n";
        }
        StringBuilder table = new StringBuilder("| requests/s asked | acknowledged | p50 / p99 / p99.9 latency "
                + "| CPU per request: load generator | CPU per request: service |\n| ---: | ---: | --- | ---: | ---: |\n");
        for (FloorStep floor : results.floor()) {
            StepResult step = floor.step();
            Latency latency = step.latency();
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f / %.2f ms | %s µs | %s µs |%n",
                    Cells.number(step.targetRate()), Cells.number(step.achievedRate()), latency.p50(), latency.p99(),
                    latency.p999(), Cells.number(floor.generatorMicros()), Cells.number(floor.serviceMicros())));
        }
        StepResult lowest = results.floor().get(0).step();  // the rates go up
        if (lowest.latency().p99() >= 10) {
            table.append(String.format(Locale.ROOT, "%nIn this run the floor itself did not hold p99 under 10 ms at "
                    + "%s requests/s (p99 %.2f ms): no row driven over HTTP could, whatever its system does; such rows "
                    + "compare by their p99 < 100 ms figures.%n", Cells.number(lowest.targetRate()),
                    lowest.latency().p99()));
        }
        return table.toString();
    }

    /** Messages per second against channel size, one column per system and latency limit. */
    public static String sweep(Results results) {
        if (results.sweep().isEmpty()) {
            return "";
        }
        List<String> systems = results.sweep().stream().map(SweepPoint::system).distinct().toList();
        StringBuilder table = new StringBuilder("| members per channel |");
        systems.forEach(s -> table.append(' ').append(s).append(": p99 < 10 ms | p99 < 100 ms |"));
        table.append("\n| ---: |").append(" ---: | ---: |".repeat(systems.size())).append('\n');
        for (int size : new TreeSet<>(results.sweep().stream().map(SweepPoint::channelSize).toList())) {
            table.append("| ").append(Cells.number(size)).append(" |");
            for (String system : systems) {
                Optional<SweepPoint> point = results.sweepPoint(system, size);
                table.append(' ').append(point.map(p -> Cells.rate(p.messagesPerSecond(), p.firstFailed()))
                                .orElse(Cells.NOT_MEASURED))
                        .append(" | ").append(point.map(p -> Cells.rate(p.capacity(), p.capacityFailed()))
                                .orElse(Cells.NOT_MEASURED))
                        .append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    public static String goals(List<Goal> goals) {
        StringBuilder table = new StringBuilder("| target | measured | met? |\n| --- | --- | --- |\n");
        for (Goal goal : goals) {
            table.append("| ").append(goal.target()).append(" | ").append(goal.measured()).append(" | ")
                    .append(goal.verdict()).append(" |\n");
        }
        return table.toString();
    }
}
