package io.readstate.faults;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A workload running on a thread of its own while the scenario injects a fault: batches
 * of events, each sent until answered, until a number of events has been sent.
 */
final class Traffic {

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    private Traffic(Driver driver, Workload workload, int batchSize, int events, Duration patience) {
        thread = new Thread(() -> {
            try {
                int sent = 0;
                while (sent < events && !stopped) {
                    int size = Math.min(batchSize, events - sent);
                    if (size == 1) {
                        driver.sendEachUntilAnswered(workload.next(1), patience);
                    } else {
                        driver.sendBatchUntilAnswered(workload.next(size), patience);
                    }
                    sent += size;
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fault-suite-traffic");
        thread.setDaemon(true);
    }

    /** Starts sending {@code events} events in batches of {@code batchSize} (1: each through its own endpoint). */
    static Traffic start(Driver driver, Workload workload, int batchSize, int events, Duration patience) {
        Traffic traffic = new Traffic(driver, workload, batchSize, events, patience);
        traffic.thread.start();
        return traffic;
    }

    /** Waits for the last batch to be answered; rethrows what went wrong on the traffic thread. */
    void awaitEnd(Duration patience) {
        try {
            thread.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (thread.isAlive()) {
            stopped = true;
            throw new AssertionError("the workload did not finish within " + patience);
        }
        if (failure.get() != null) {
            throw new AssertionError("the workload failed: " + failure.get(), failure.get());
        }
    }

    /** Stops after the batch in flight (for cleanup after a failure). */
    void stop() {
        stopped = true;
    }

    boolean running() {
        return thread.isAlive();
    }
}
