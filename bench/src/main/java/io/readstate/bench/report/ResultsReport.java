package io.readstate.bench.report;

import io.readstate.bench.load.StepResult;
import io.readstate.bench.run.ModeBench;
import io.readstate.bench.run.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's results: results.md (machine, table, sweep, targets, method, and the Scale-out section an earlier
 * {@code --scale} wrote), steps.csv and the charts.
 */
public final class ResultsReport {

    private ResultsReport() {
    }

    public static void write(Results results, Path out) throws IOException {
        Files.createDirectories(out);
        List<Goal> goals = Goals.evaluate(results);
        Path markdown = out.resolve("results.md");
        // The Scale-out section comes from its own run (--scale), so a new comparison keeps the one already there.
        String scaleOut = Files.exists(markdown) ? ScaleReport.existingSection(Files.readString(markdown))
                .map(section -> "\n" + section).orElse("") : "";
        Files.writeString(markdown, markdown(results, goals) + scaleOut);
        Files.writeString(out.resolve("steps.csv"), steps(results.steps()));
        if (!results.sweep().isEmpty()) {
            Charts.throughputBySize(results, out.resolve("throughput-vs-channel-size.png"));
        }
        Charts.latencyBySystem(results, out.resolve("latency-by-mode.png"));
    }

    static String markdown(Results results, List<Goal> goals) {
        var machine = results.machine();
        return String.format(Locale.ROOT, """
                # Readstate benchmark: the seed's comparison, measured

                Profile `--%s`, started %s, took %d min %d s. Machine: %s; %s; %s.
                The services, their Redis servers, PostgreSQL %s and the load generator all ran on this one machine.
                Load (`uptime`) when the run began: `%s`; when it ended: `%s`.
                Stalls: %s.

                Workload: %s. Each event is a message (24%%; 10%% of them mention 1 to 3 members, 1%% mention everyone), a
                read by a member up to the head (71%%, about three per message) or an unread query of a member (5%%);
                `/v1/events` carries messages and reads only (75/25). Open loop: requests leave on a fixed schedule and each
                latency counts from the intended send time (no coordinated omission), recorded in HdrHistogram.

                %s
                %s
                %s
                ## The floor: this load generator against `GET /ping`

                The service's admin `/ping` (no Redis, no PostgreSQL, no JSON) driven by the same generator and HTTP
                client as every row above, after a warm-up (in a full run the write-behind service's, once the other two
                have stopped, just before it is measured): what HTTP on this machine costs before any work is done.

                %s
                ## Throughput against channel size

                Messages only, on channels of exactly that many members; the highest rates with p99 under 10 ms and
                under 100 ms (write-behind through `/v1/events`, %d messages per request; the peer in-process), each
                size's search after %.1f s of its own messages, not recorded.

                %s
                ## Targets

                %s
                %s""", results.profile().name(), machine.date().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), results.took().toMinutes(), results.took().toSecondsPart(),
                machine.describeLine(), machine.java(), machine.redis(), "(the machine's, on 127.0.0.1:5432)",
                machine.loadBefore(), machine.loadAfter(), machine.stalls().describe(), results.population(), ResultsTable.comparison(results),
                ResultsTable.largeBatches(results), Method.notes(results), ResultsTable.floor(results), ModeBench.BATCH,
                results.profile().sweepWarmup().toMillis() / 1e3, ResultsTable.sweep(results), ResultsTable.goals(goals), problems(results));
    }

    private static String problems(Results results) {
        if (results.problems().isEmpty()) {
            return "";
        }
        return "\n## Problems in this run\n\n- " + String.join("\n- ", results.problems()) + "\n";
    }

    static String steps(List<StepResult> steps) {
        StringBuilder csv = new StringBuilder("label,target_events_per_s,acknowledged_events_per_s,events,errors,"
                + "p50_ms,p99_ms,p999_ms,max_ms,sustained\n");
        for (StepResult step : steps) {
            csv.append(String.format(Locale.ROOT, "\"%s\",%.0f,%.0f,%d,%d,%.3f,%.3f,%.3f,%.3f,%s%n", step.label(),
                    step.targetRate(), step.achievedRate(), step.events(), step.errors(), step.latency().p50(),
                    step.latency().p99(), step.latency().p999(), step.latency().max(), step.sustained(10)));
        }
        return csv.toString();
    }
}
