package io.readstate.bench.load;

import io.readstate.bench.workload.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An open-loop load: requests leave on a fixed schedule whatever the answers, and each
 * latency runs from the request's intended send time, so a stall counts against every
 * request it delays (no coordinated omission). At most {@link #MAX_IN_FLIGHT} requests
 * are in flight; beyond that the schedule slips, and the slip shows in the latencies.
 * Once an answer comes {@link #GIVE_UP} late the run stops sending: it has failed, and
 * piling more onto the backlog would only make the next run start late.
 */
public final class OpenLoop {

    static final int MAX_IN_FLIGHT = 500;
    private static final long GIVE_UP = Duration.ofSeconds(2).toNanos();
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final Progress progress;

    public OpenLoop(Progress progress) {
        this.progress = progress;
    }

    /**
     * Sends requests from {@code requests} (each a list of events) at {@code eventsPerSecond}
     * for {@code duration}, then waits for the answers still due.
     */
    public StepResult run(String label, Supplier<List<Event>> requests, int eventsPerRequest, double eventsPerSecond,
                          Duration duration, Target target) throws InterruptedException {
        LatencyLog latency = new LatencyLog();
        LongAdder events = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLong worst = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        double perSecond = eventsPerSecond / eventsPerRequest;
        long start = System.nanoTime() + 1_000_000;
        long end = start + duration.toNanos();
        progress.watch(label, eventsPerSecond, latency, events);
        long sent = 0;
        for (long intended = start; intended < end && worst.get() < GIVE_UP;
             intended = start + (long) (++sent * 1e9 / perSecond)) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            List<Event> request = requests.get();
            long due = intended;
            target.send(request).whenComplete((ok, failure) -> {
                long now = System.nanoTime();
                latency.record(now - due);
                worst.accumulateAndGet(now - due, Math::max);
                if (failure == null) {
                    events.add(request.size());
                } else {
                    errors.increment();
                    firstError.compareAndSet(null, String.valueOf(failure.getMessage()));
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                inFlight.release();
            });
        }
        boolean drained = inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        progress.unwatch();
        if (!drained) {
            firstError.compareAndSet(null, "requests still unanswered " + DRAIN_LIMIT.toSeconds() + " s after the run");
            errors.add(MAX_IN_FLIGHT - inFlight.availablePermits());
        } else {
            inFlight.release(MAX_IN_FLIGHT);
        }
        if (worst.get() >= GIVE_UP) {
            firstError.compareAndSet(null, "stopped early: answers came more than 2 s late");
        }
        double seconds = Math.max(end, lastAnswer.get()) - start;
        return new StepResult(label, eventsPerSecond, events.sum() / (seconds / 1e9), events.sum(), errors.sum(),
                Latency.of(latency.snapshot()), firstError.get());
    }
}
