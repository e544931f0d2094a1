package io.readstate.bench.measure;

import io.readstate.bench.infra.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the backlog of service instances that share one Redis and one database drains
 * to 0 once the load stops: the backlog {@code /status} shows when the load ended; the
 * flush task asked on one instance again and again until it reports none left (and how
 * long that took); then every instance's {@code /status}. It waits past the flusher's
 * lease (30 s by default): entries a failed flush had claimed are taken again only then.
 *
 * @param left       the backlog when the load ended
 * @param after      the backlog the last flush reported (-1: the flush task kept failing)
 * @param millis     how long the flushes took
 * @param instances  the backlog each instance's {@code /status} showed afterwards
 */
public record BacklogDrain(long left, long after, long millis, List<Long> instances) {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern BACKLOG = Pattern.compile("\"backlog\"\\s*:\\s*(\\d+)");

    public boolean drained() {
        return after == 0 && instances.stream().allMatch(backlog -> backlog == 0);
    }

    public static BacklogDrain check(List<ServiceProcess> services) throws InterruptedException {
        ServiceProcess first = services.get(0);
        long left = backlog(first);
        long started = System.nanoTime();
        long after = -1;
        while (after != 0 && System.nanoTime() - started < PATIENCE.toNanos()) {
            try {
                after = flushedTo(first.admin().flush());
            } catch (IllegalStateException failed) {
                System.out.println("the flush task failed: " + failed.getMessage());
            }
            if (after != 0) {
                Thread.sleep(500);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<Long> instances = new ArrayList<>();
        for (ServiceProcess service : services) {
            instances.add(backlog(service));
        }
        return new BacklogDrain(left, after, millis, instances);
    }

    private static long flushedTo(String report) {
        Matcher matcher = BACKLOG.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected flush report: " + report);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static long backlog(ServiceProcess service) {
        return service.admin().status().path("backlog").asLong(-1);
    }
}
