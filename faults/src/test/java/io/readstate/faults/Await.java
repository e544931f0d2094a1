package io.readstate.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Polling for a condition with a bounded patience. */
final class Await {

    private Await() {
    }

    /**
     * Polls {@code condition} every {@code pollMillis} until it holds (an exception counts as
     * "not yet") and returns the System.nanoTime it held at; empty if it never did.
     */
    static Optional<Long> until(Duration patience, long pollMillis, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return Optional.of(System.nanoTime());
                }
            } catch (Exception notYet) {
                // keep polling
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Pause.millis(pollMillis);
        }
    }
}
