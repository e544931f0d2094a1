package io.readstate.console;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The snapshots of the last few minutes (15 by default), oldest first, for the console's
 * charts. The service records one every few seconds; snapshots older than the window,
 * counted back from the newest, are dropped. Safe to use from any thread.
 */
public final class ConsoleHistory {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    /** Bounds memory whatever the sampling rate: one snapshot a second for the whole window. */
    private static final int MAX_SNAPSHOTS = 900;

    private static final System.Logger LOG = System.getLogger(ConsoleHistory.class.getName());

    private final Duration window;
    private final Deque<ConsoleSnapshot> snapshots = new ArrayDeque<>();

    public ConsoleHistory() {
        this(DEFAULT_WINDOW);
    }

    public ConsoleHistory(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.window = window;
    }

    public synchronized void record(ConsoleSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        snapshots.addLast(snapshot);
        Instant oldestKept = snapshot.takenAt().minus(window);
        while (snapshots.peekFirst().takenAt().isBefore(oldestKept) || snapshots.size() > MAX_SNAPSHOTS) {
            snapshots.removeFirst();
        }
    }

    /**
     * A task that records the backend's snapshot each time it runs, for a scheduled
     * executor: it never throws, so one failure does not cancel the schedule.
     */
    public Runnable samplerOf(ConsoleBackend backend) {
        return () -> {
            try {
                record(backend.snapshot());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The console could not take a snapshot for its charts", e);
            }
        };
    }

    /** The snapshots kept, oldest first. */
    public synchronized List<ConsoleSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    public synchronized Optional<ConsoleSnapshot> latest() {
        return Optional.ofNullable(snapshots.peekLast());
    }

    public Duration window() {
        return window;
    }
}
