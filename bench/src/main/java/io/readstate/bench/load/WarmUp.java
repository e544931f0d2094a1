package io.readstate.bench.load;

import io.readstate.bench.workload.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Load that is not recorded, so that the JIT of the service (and of this process) has
 * compiled the request path before anything is measured. Closed loop: a few requests in
 * flight, the next sent when one is answered, so a cold or slow service is never pushed
 * past what it carries and a fast one gets thousands of requests.
 */
public final class WarmUp {

    public static final int IN_FLIGHT = 4;

    /** What the warm-up did, and the median latency of its first and last second: how much it warmed. */
    public record Outcome(long requests, long errors, double seconds, double firstSecondP50, double lastSecondP50) {

        public String describe() {
            return String.format(java.util.Locale.ROOT, "%,d requests in %.0f s (%,.0f/s, %d errors), p50 %.2f ms in "
                    + "the first second, %.2f ms in the last", requests, seconds, requests / seconds, errors,
                    firstSecondP50, lastSecondP50);
        }
    }

    private WarmUp() {
    }

    public static Outcome run(Supplier<List<Event>> requests, Target target, Duration duration)
            throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        LongAdder answered = new LongAdder();
        LongAdder errors = new LongAdder();
        LatencyLog first = new LatencyLog();
        LatencyLog last = new LatencyLog();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            slots.acquire();
            long sent = System.nanoTime();
            target.send(requests.get()).whenComplete((ok, failure) -> {
                long now = System.nanoTime();
                if (sent - start < 1_000_000_000L) {
                    first.record(now - sent);
                } else if (end - sent < 1_000_000_000L) {
                    last.record(now - sent);
                }
                answered.increment();
                if (failure != null) {
                    errors.increment();
                }
                slots.release();
            });
        }
        slots.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS);
        return new Outcome(answered.sum(), errors.sum(), (System.nanoTime() - start) / 1e9,
                Latency.of(first.snapshot()).p50(), Latency.of(last.snapshot()).p50());
    }
}
