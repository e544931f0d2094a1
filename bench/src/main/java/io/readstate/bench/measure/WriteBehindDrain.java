package io.readstate.bench.measure;

import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.workload.Population;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a write-behind service write its whole backlog now (other modes have none),
 * asking again when a flush fails (on a starved machine Redis calls can time out). The
 * backlog is written when the flush report says 0 left. A flush that finds nothing to take
 * while the backlog is above 0 usually means that another flush holds those channels (the
 * service's own background flush, writing a bulk join's 100,000 rows for a second or two):
 * the backlog falls when it releases them. Only a backlog that stays put, with nothing
 * taken, for longer than the flusher's lease (after which any claim is taken over) has
 * drifted from what is really waiting.
 */
public final class WriteBehindDrain {

    private static final Pattern ENTRIES = Pattern.compile("\"entries\"\\s*:\\s*(\\d+)");
    private static final Pattern BACKLOG = Pattern.compile("\"backlog\"\\s*:\\s*(\\d+)");
    /** Longer than the flusher's lease (30 s by default). */
    private static final Duration STUCK = Duration.ofSeconds(35);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private WriteBehindDrain() {
    }

    /** Joins a population and drains the backlog. */
    public static void joinAndDrain(ServiceProcess service, Population population) throws InterruptedException {
        service.api().join(population);
        drain(service);
    }

    public static void drain(ServiceProcess service) throws InterruptedException {
        if (!service.mode().equals("write-behind")) {
            return;
        }
        IllegalStateException last = null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long lastBacklog = -1;
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                String report = service.admin().flush();
                long backlog = number(report, BACKLOG);
                if (backlog == 0) {
                    return;
                }
                if (number(report, ENTRIES) > 0 || backlog != lastBacklog) {
                    lastBacklog = backlog;
                    unchangedSince = System.nanoTime();
                } else if (System.nanoTime() - unchangedSince > STUCK.toNanos()) {
                    System.out.println("note: the write-behind service reports a backlog of " + backlog + " that has"
                            + " not moved for " + STUCK.toSeconds() + " s with nothing left to flush (its backlog"
                            + " counter has drifted)");
                    return;
                }
            } catch (IllegalStateException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the write-behind backlog did not drain in " + PATIENCE.toSeconds() + " s",
                last);
    }

    private static long number(String report, Pattern field) {
        Matcher matcher = field.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected flush report: " + report);
        }
        return Long.parseLong(matcher.group(1));
    }
}
