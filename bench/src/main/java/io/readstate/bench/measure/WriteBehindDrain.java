package io.readstate.bench.measure;

import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.workload.Population;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a write-behind service write its whole backlog now (other modes have none),
 * asking again when a flush fails (on a starved machine Redis calls can time out). The
 * backlog is written when the flush report says 0 left, or when flushes keep finding
 * nothing to take.
 */
public final class WriteBehindDrain {

    private static final Pattern ENTRIES = Pattern.compile("\"entries\"\\s*:\\s*(\\d+)");
    /** Flushes in a row that find nothing while the backlog reads above 0 (another flush may hold a claim briefly). */
    private static final int EMPTY_FLUSHES_TO_TRUST = 3;
    private static final Pattern BACKLOG = Pattern.compile("\"backlog\"\\s*:\\s*(\\d+)");

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
        int emptyFlushes = 0;
        for (int i = 0; i < 100; i++) {
            try {
                String report = service.admin().flush();
                long backlog = number(report, BACKLOG);
                if (backlog == 0) {
                    return;
                }
                emptyFlushes = number(report, ENTRIES) == 0 ? emptyFlushes + 1 : 0;
                if (emptyFlushes == EMPTY_FLUSHES_TO_TRUST) {
                    System.out.println("note: the write-behind service reports a backlog of " + backlog
                            + " with nothing left to flush (its backlog counter has drifted)");
                    return;
                }
            } catch (IllegalStateException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the write-behind backlog did not drain", last);
    }

    private static long number(String report, Pattern field) {
        Matcher matcher = field.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected flush report: " + report);
        }
        return Long.parseLong(matcher.group(1));
    }
}
