package io.readstate.bench.load;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prints what the benchmark is doing: a line per phase and step, and every five seconds
 * the rate acknowledged over the last five seconds and the p99 so far of the run in progress.
 */
public final class Progress implements AutoCloseable {

    private static final long EVERY_SECONDS = 5;

    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Watch current;

    private record Watch(String label, double targetRate, LatencyLog latency, LongAdder events, long[] lastEvents) {
    }

    public Progress() {
        ticker.scheduleAtFixedRate(this::tick, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    public void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.0fs] %s%n", seconds(), String.format(Locale.ROOT, format, args));
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void watch(String label, double targetRate, LatencyLog latency, LongAdder events) {
        current = new Watch(label, targetRate, latency, events, new long[] {0});
    }

    void unwatch() {
        current = null;
    }

    private void tick() {
        Watch watch = current;
        if (watch == null) {
            return;
        }
        long events = watch.events().sum();
        double rate = (events - watch.lastEvents()[0]) / (double) EVERY_SECONDS;
        watch.lastEvents()[0] = events;
        say("  ... %s, target %,.0f/s: %,.0f events/s over the last %d s, p99 so far %.2f ms", watch.label(),
                watch.targetRate(), rate, EVERY_SECONDS, Latency.of(watch.latency().snapshot()).p99());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
