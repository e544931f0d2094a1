package io.readstate.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The fault table: one line per fault, printed as the scenario ends and collected, with
 * the other scenarios of this run, into {@code faults/target/fault-report.md}. A
 * scenario that fails gets a line too, saying so.
 */
final class FaultReport {

    static final Path TARGET = Path.of(System.getProperty("faults.target", "target"));
    private static final Path FILE = TARGET.resolve("fault-report.md");
    private static final List<Row> ROWS = new ArrayList<>();

    /** One fault: what was sent, acknowledged and lost, and how long detection, recovery and draining took. */
    record Row(String fault, long sent, long acknowledged, String lost, String detect, String recover, String drain) {

        String line() {
            return String.format("FAULT | %s | sent %d | acknowledged %d | lost %s | detect %s | recover %s | drain %s",
                    fault, sent, acknowledged, lost, detect, recover, drain);
        }

        String markdown() {
            return "| " + String.join(" | ", fault.replace("|", "/"), Long.toString(sent), Long.toString(acknowledged),
                    lost.replace("|", "/"), detect, recover, drain) + " |";
        }
    }

    private FaultReport() {
    }

    static synchronized void add(Row row) {
        System.out.println(row.line());
        ROWS.add(row);
        StringBuilder table = new StringBuilder()
                .append("# Fault report\n\n")
                .append("Written by the fault suite (`mvn -B -o test -pl faults`), ").append(Instant.now()).append(".\n")
                .append("Times are from the fault's injection (detect) or from its end (recover, drain); ")
                .append("lost counts acknowledged changes missing afterwards.\n\n")
                .append("| fault | events sent | acknowledged | lost | time to detect | time to recover | time to drain |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        ROWS.forEach(each -> table.append(each.markdown()).append('\n'));
        try {
            Files.createDirectories(TARGET);
            Files.writeString(FILE, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("could not write " + FILE + ": " + e);
        }
    }

    /** Seconds with two decimals, or "n/a". */
    static String seconds(Optional<Duration> duration) {
        return duration.map(FaultReport::seconds).orElse("n/a");
    }

    static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    /** The time from {@code fromNanos} to {@code toNanos} (System.nanoTime values). */
    static Duration between(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos);
    }

    /** Adds a line for a scenario that failed, with the start of its failure message. */
    static final class Failures implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
            add(new Row(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName() + " — FAILED: "
                    + (message.length() > 200 ? message.substring(0, 200) + "…" : message), 0, 0, "?", "?", "?", "?"));
        }
    }
}
