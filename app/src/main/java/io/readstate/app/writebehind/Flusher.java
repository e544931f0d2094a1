package io.readstate.app.writebehind;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.lifecycle.Managed;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.usecase.FlushChanges;
import io.readstate.domain.usecase.FlushReport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-behind flusher: every interval it writes what changed to PostgreSQL. When
 * a flush fails it waits twice as long before the next try (up to a limit), and returns
 * to the interval after the first success. While it waits it asks every interval whether
 * the stores answer (their health checks, far cheaper than a failing flush of the whole
 * backlog): once a store seen down answers again, it flushes at once rather than at the
 * end of the wait. On a clean shutdown it drains what it can.
 */
public final class Flusher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);

    private final FlushChanges flush;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Duration drainBudget;
    private final BooleanSupplier storesAnswer;
    private final Timer flushTimer;
    private final Histogram rowsPerFlush;
    private final Meter rowsWritten;
    private final Meter failures;
    private volatile int consecutiveFailures;
    /** After a failure: when the next flush is tried even if no store was seen coming back. */
    private Instant retryAt = Instant.MIN;
    /**
     * Whether a store was seen not answering since the failures began or the last early try
     * (only the flusher's thread uses these two).
     */
    private boolean storeSeenDown;
    private volatile boolean stopping;
    private volatile FlushOutcome last = FlushOutcome.NONE;

    /** The last flush this instance ran: when it ended, what it wrote, and the error if it failed. */
    public record FlushOutcome(Instant at, FlushReport report, String error) {
        static final FlushOutcome NONE = new FlushOutcome(null, FlushReport.NOTHING, null);
    }

    /**
     * @param storesAnswer whether Redis and PostgreSQL answer now; asked every interval while
     *                     the flusher waits after a failure
     */
    public Flusher(FlushChanges flush, ScheduledExecutorService scheduler, Duration interval, Duration maxBackoff,
                   Duration drainBudget, BooleanSupplier storesAnswer, MetricRegistry metrics) {
        this.flush = flush;
        this.scheduler = scheduler;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.drainBudget = drainBudget;
        this.storesAnswer = storesAnswer;
        this.flushTimer = metrics.timer("readstate.flush");
        this.rowsPerFlush = metrics.histogram("readstate.flush.rows");
        this.rowsWritten = metrics.meter("readstate.flush.rows-written");
        this.failures = metrics.meter("readstate.flush.failures");
    }

    @Override
    public void start() {
        scheduler.schedule(this::runAndReschedule, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Drains what it can within the drain budget, on a thread of its own, so that a
     * store that no longer answers cannot hold the shutdown.
     */
    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        LOG.info("Draining the write-behind backlog to PostgreSQL before stopping (for at most {} s)",
                drainBudget.toSeconds());
        Thread drain = new Thread(this::drain, "write-behind-drain");
        drain.setDaemon(true);
        drain.start();
        drain.join(drainBudget.plusSeconds(5).toMillis());
        if (drain.isAlive()) {
            LOG.warn("Gave up draining after {} s; what is left stays in Redis for the next flusher",
                    drainBudget.toSeconds());
        }
    }

    private void drain() {
        try {
            FlushReport drained = flushNow(drainBudget);
            LOG.info("Drained {} dirty entries of {} channels in {} rows", drained.entries(), drained.channels(),
                    drained.rowsWritten());
        } catch (RuntimeException e) {
            LOG.warn("Could not drain the backlog before stopping; it stays in Redis for the next flusher: {}",
                    e.getMessage());
        }
    }

    /**
     * Writes everything dirty now (for at most {@code budget}); also what the flush task
     * runs. The flush timer counts only flushes that wrote something.
     */
    public FlushReport flushNow(Duration budget) {
        try {
            FlushReport report = flush.flushAll(budget);
            if (!report.wroteNothing()) {
                flushTimer.update(report.took());
                rowsPerFlush.update(report.rowsWritten());
                rowsWritten.mark(report.rowsWritten());
            }
            last = new FlushOutcome(Instant.now(), report, null);
            return report;
        } catch (StoreUnavailable e) {
            failures.mark();
            last = new FlushOutcome(Instant.now(), FlushReport.NOTHING, e.getMessage());
            throw e;
        }
    }

    public FlushOutcome lastOutcome() {
        return last;
    }

    public long rowsWrittenTotal() {
        return rowsWritten.getCount();
    }

    private void runAndReschedule() {
        if (stopping) {
            return;
        }
        if (consecutiveFailures > 0 && Instant.now().isBefore(retryAt) && !storeBackUp()) {
            scheduler.schedule(this::runAndReschedule, interval.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        try {
            flushNow(interval.multipliedBy(10));
            if (consecutiveFailures > 0) {
                LOG.info("Flushing to PostgreSQL works again after {} failed tries", consecutiveFailures);
            }
            consecutiveFailures = 0;
            storeSeenDown = false;
        } catch (StoreUnavailable e) {
            Duration wait = failedAgain();
            if (consecutiveFailures == 1 || consecutiveFailures % 10 == 0) {
                LOG.warn("Flush to PostgreSQL failed ({} in a row); the backlog stays in Redis, next try in {} ms, "
                        + "or as soon as a store seen down answers again: {}", consecutiveFailures, wait.toMillis(),
                        e.getMessage());
            }
        } catch (RuntimeException e) {
            Duration wait = failedAgain();
            LOG.error("Flush failed unexpectedly; next try in {} ms", wait.toMillis(), e);
        } finally {
            if (!stopping) {
                scheduler.schedule(this::runAndReschedule, interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Counts a failed flush; returns how long until the next try if no store is seen coming back. */
    private Duration failedAgain() {
        consecutiveFailures++;
        Duration wait = backoff(consecutiveFailures);
        retryAt = Instant.now().plus(wait);
        return wait;
    }

    /**
     * Whether the stores answer now, one of them having been seen not answering since the
     * failures began or the last early try. Stores that always answered do not count: the
     * failure is one their health checks cannot see, which the growing wait is for; and
     * each time a store is seen down, its return earns one early try.
     */
    private boolean storeBackUp() {
        boolean answer;
        try {
            answer = storesAnswer.getAsBoolean();
        } catch (RuntimeException e) {
            answer = false;
        }
        if (!answer) {
            storeSeenDown = true;
            return false;
        }
        boolean back = storeSeenDown;
        storeSeenDown = false;
        return back;
    }

    private Duration backoff(int failuresInARow) {
        Duration wait = interval.multipliedBy(1L << Math.min(failuresInARow, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
