package io.readstate.bench.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How often the machine stops running a thread that is ready to run. Before anything else
 * starts, one thread per CPU sleeps {@link #SLEEP} at a time; a wake-up at least
 * {@link #STALL} later than asked is a stall, of that lateness. On a virtual machine whose
 * host takes its CPUs away now and then, such stalls fall on requests as well, whatever the
 * service does, and a request that passes through several processes (generator, service,
 * Redis) meets one more often: they put a floor under every p99 in the table.
 *
 * @param threads  the sleeping threads (one per CPU)
 * @param measured how long each slept
 * @param count    stalls over all threads
 * @param stalled  their lateness summed over all threads
 * @param longest  how late the latest wake-up was
 */
public record Stalls(int threads, Duration measured, long count, Duration stalled, Duration longest) {

    static final Duration SLEEP = Duration.ofNanos(200_000);
    static final Duration STALL = Duration.ofMillis(1);

    public static Stalls measure(int threads, Duration duration) {
        long[][] perThread = new long[threads][];  // { count, stalled nanos, longest nanos }
        List<Thread> sleepers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread sleeper = new Thread(() -> perThread[index] = sleep(duration), "stall-probe-" + t);
            sleepers.add(sleeper);
            sleeper.start();
        }
        long count = 0;
        long stalled = 0;
        long longest = 0;
        for (int t = 0; t < threads; t++) {
            try {
                sleepers.get(t).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the machine's stalls", e);
            }
            count += perThread[t][0];
            stalled += perThread[t][1];
            longest = Math.max(longest, perThread[t][2]);
        }
        return new Stalls(threads, duration, count, Duration.ofNanos(stalled), Duration.ofNanos(longest));
    }

    private static long[] sleep(Duration duration) {
        long count = 0;
        long stalled = 0;
        long longest = 0;
        long end = System.nanoTime() + duration.toNanos();
        for (long before = System.nanoTime(); before < end; ) {
            LockSupport.parkNanos(SLEEP.toNanos());
            long after = System.nanoTime();
            long late = after - before - SLEEP.toNanos();
            if (late >= STALL.toNanos()) {
                count++;
                stalled += late;
                longest = Math.max(longest, late);
            }
            before = after;
        }
        return new long[] {count, stalled, longest};
    }

    /** Stalls a second on each thread. */
    public double perSecond() {
        return count / (threads * measured.toNanos() / 1e9);
    }

    /** The share of the sleepers' time lost in stalls. */
    public double share() {
        return stalled.toNanos() / (double) (threads * measured.toNanos());
    }

    public String describe() {
        return String.format(Locale.ROOT, "%.1f stalls of %d ms or more a second on each of %d threads that only slept "
                        + "%d µs at a time for %d s before the run (%.1f%% of their time; the longest %.1f ms)",
                perSecond(), STALL.toMillis(), threads, SLEEP.toNanos() / 1_000, measured.toSeconds(), 100 * share(),
                longest.toNanos() / 1e6);
    }
}
