package io.readstate.bench.report;

import io.readstate.bench.load.Latency;
import io.readstate.bench.load.WarmUp;
import io.readstate.bench.measure.BacklogDrain;
import io.readstate.bench.run.Harness;
import io.readstate.bench.run.ScaleResults;
import io.readstate.bench.run.ScaleRow;
import io.readstate.bench.run.Sustained;
import io.readstate.bench.run.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Scale-out" section of results.md, which {@code --scale} writes: it replaces that
 * section of the results.md already there (or starts one), and leaves the rest alone;
 * the run's steps go to scale-steps.csv.
 */
public final class ScaleReport {

    static final String HEADING = "## Scale-out";
    /** From the heading to the next second-level heading, or to the end. */
    private static final Pattern SECTION = Pattern.compile("(?ms)^" + HEADING + "$.*?(?=^## |\\z)");
    private static final String TABLE_HEADER = "| topology | service instances | Redis masters | driven by "
            + "| max sustained events/s: p99 < 10 ms (p99 < 100 ms) | p50 / p99 latency at half that rate "
            + "| backlog when the load stopped → after the flush task |\n"
            + "| --- | ---: | ---: | --- | ---: | --- | --- |\n";

    private ScaleReport() {
    }

    public static void write(ScaleResults results, Path out) throws IOException {
        Files.createDirectories(out);
        Path markdown = out.resolve("results.md");
        String existing = Files.exists(markdown) ? Files.readString(markdown) : "# Readstate benchmark\n";
        Files.writeString(markdown, withSection(existing, section(results)));
        Files.writeString(out.resolve("scale-steps.csv"), ResultsReport.steps(results.steps()));
    }

    /** The Markdown with its Scale-out section (if any) removed and {@code section} at the end. */
    static String withSection(String markdown, String section) {
        String rest = SECTION.matcher(markdown).replaceAll("").stripTrailing();
        return rest + "\n\n" + section;
    }

    /** The Scale-out section of a results.md, if it has one. */
    static Optional<String> existingSection(String markdown) {
        Matcher matcher = SECTION.matcher(markdown);
        return matcher.find() ? Optional.of(matcher.group().stripTrailing() + "\n") : Optional.empty();
    }

    static String section(ScaleResults results) {
        var profile = results.profile();
        StringBuilder table = new StringBuilder(TABLE_HEADER);
        for (Topology topology : Topology.MEASURED) {
            Optional<ScaleRow> row = results.row(topology);
            String lead = "| " + topology.name() + " | " + topology.instances() + " | " + topology.masters() + " | ";
            if (row.isEmpty()) {
                table.append(lead).append("— | failed (see below) | — | — |\n");
                continue;
            }
            table.append(lead).append(ResultsTable.overHttp(false)).append(" | ").append(cells(row.get().single()))
                    .append(" | ").append(backlog(row.get().backlog())).append(" |\n");
            table.append("| ″ | ″ | ″ | ").append(ResultsTable.overHttp(true)).append(" | ")
                    .append(cells(row.get().batch())).append(" | ″ |\n");
        }
        return String.format(Locale.ROOT, """
                %s

                Profile `--scale` with the steps of `--%s`, started %s, took %d min %d s. Load (`uptime`) when it began:
                `%s`; when it ended: `%s`.

                Write-behind (every instance flushing every %d s) on four topologies: one plain redis-server, or a Redis
                Cluster of 3 masters without replicas (`scripts/redis-cluster.sh start DIR PORT --no-replicas`, the
                service pointed at it with `REDIS_CLUSTER_NODES`); 1 or 3 service instances, all taking traffic and all
                flushing into one PostgreSQL database (a fresh one per topology); the load spread round-robin over the
                instances, one request to each in turn. **This machine has %d cores shared by everything**: every Redis
                node, every service instance, PostgreSQL and the load generator. More masters and more instances are
                more processes on the same cores, so the point of these rows is that each topology works and how it
                behaves, not a speedup.

                %s
                - **Method**: as the comparison's max sustained column, on its population (%s) and chat mix. Each
                  topology is warmed up (%.0f s one request per event, %.0f s through `/v1/events`, a closed loop of %d
                  requests in flight, not recorded; with 3 instances each gets about a third of it; then more rounds
                  until one in which the instances' JITs together compiled for under %.0f%% of it, at most %d), then the rate
                  search (%.1f s steps, at most %d in all and %d bisections per limit, starting at 500 events/s one
                  request per event and 5,000 through `/v1/events`) finds the highest arrival rate held with p99 under
                  10 ms (bold) and under 100 ms (in brackets); the latency is a %.1f s window (after %.1f s of lead-in)
                  at half the rate held under 10 ms. Every step is in `scale-steps.csv`.
                - **Backlog**: after both searches, the backlog `/status` reported when the load stopped; then `POST
                  /tasks/flush` on the first instance's admin port, again every half second until it reports 0 left
                  (for at most a minute: entries that a failed flush had claimed are taken again when its 30 s lease
                  ends), the time in the cell; then every instance's `/status`, which must all read 0.
                %s""", HEADING, profile.name(), results.machine().date().truncatedTo(ChronoUnit.SECONDS),
                results.took().toMinutes(), results.took().toSecondsPart(), results.machine().loadBefore(),
                results.machine().loadAfter(), results.flushInterval().toSeconds(), results.machine().cpus(), table,
                results.population(), profile.warmup().toMillis() / 1000.0, profile.warmup().toMillis() / 2000.0,
                WarmUp.IN_FLIGHT, Harness.JIT_SETTLED * 100, profile.jitRounds(), profile.step().toMillis() / 1000.0,
                profile.maxSteps(), profile.bisections(),
                profile.halfRateWindow().toMillis() / 1000.0, profile.halfRateLead().toMillis() / 1000.0,
                problems(results));
    }

    private static String cells(Sustained sustained) {
        Latency latency = sustained.halfRate().latency();
        return Cells.maxRate(sustained.search()) + " | " + String.format(Locale.ROOT, "%.2f / %.2f ms (at %s/s)",
                latency.p50(), latency.p99(), Cells.number(sustained.halfRate().targetRate()));
    }

    private static String backlog(BacklogDrain drain) {
        String after = drain.after() < 0 ? "the flush task kept failing" : Cells.number(drain.after());
        String verdict = drain.drained() ? "" : "**not drained**: ";
        return String.format(Locale.ROOT, "%s%s → %s in %.1f s (each instance's `/status`: %s)", verdict,
                Cells.number(drain.left()), after, drain.millis() / 1000.0, drain.instances().stream()
                        .map(Cells::number).toList().toString().replaceAll("[\\[\\]]", ""));
    }

    private static String problems(ScaleResults results) {
        if (results.problems().isEmpty()) {
            return "";
        }
        return "\nProblems in this run:\n\n- " + String.join("\n- ", results.problems()) + "\n";
    }
}
