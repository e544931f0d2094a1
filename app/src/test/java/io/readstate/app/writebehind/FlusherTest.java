package io.readstate.app.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.port.TrackChanges;
import io.readstate.domain.usecase.FlushChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The flusher's waits after failures, on a real scheduler with a 20 ms interval: after
 * six failures in a row its next try is 1.28 s away, unless a store that was seen down
 * answers again.
 */
class FlusherTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final ChannelId CHANNEL = ChannelId.of("general");

    /** One channel, always dirty; PostgreSQL refuses writes while down, and the probe says so. */
    private volatile boolean postgresDown = true;
    private volatile boolean probeSeesOutage = true;
    /** The try after which PostgreSQL is back (0: the test brings it back). */
    private volatile int backAfterTry;
    private final AtomicInteger tries = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger probes = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Flusher flusher = new Flusher(new FlushChanges(new OneDirtyChannel(), (changes, checkpoint) -> {
        int attempt = tries.incrementAndGet();
        if (postgresDown) {
            postgresDown = attempt != backAfterTry;
            throw new StoreUnavailable("PostgreSQL refused the connection", null);
        }
        writes.incrementAndGet();
        return changes.size();
    }, Clock.systemUTC(), 10, 1_000), scheduler, INTERVAL, Duration.ofMinutes(1), Duration.ofSeconds(1), () -> {
        probes.incrementAndGet();
        return !(postgresDown && probeSeesOutage);
    }, new MetricRegistry());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void a_store_seen_down_that_answers_again_is_flushed_at_once_not_at_the_end_of_the_wait()
            throws InterruptedException {
        flusher.start();
        await(() -> tries.get() >= 6, Duration.ofSeconds(10));
        int probesBefore = probes.get();
        await(() -> probes.get() >= probesBefore + 2, Duration.ofSeconds(5));

        long back = System.nanoTime();
        postgresDown = false;
        await(() -> writes.get() > 0, Duration.ofSeconds(10));
        Duration drainedAfter = Duration.ofNanos(System.nanoTime() - back);

        assertThat(tries.get()).as("no try was wasted while PostgreSQL was down").isEqualTo(7);
        assertThat(drainedAfter).as("the wait after six failures was 1.28 s").isLessThan(Duration.ofMillis(500));
    }

    @Test
    void a_store_back_just_after_a_failed_try_is_flushed_at_once_too() throws InterruptedException {
        backAfterTry = 6;
        flusher.start();
        await(() -> tries.get() >= 6, Duration.ofSeconds(10));
        long back = System.nanoTime();
        await(() -> writes.get() > 0, Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - back)).as("the wait after six failures was 1.28 s")
                .isLessThan(Duration.ofMillis(500));
    }

    @Test
    void a_failure_the_probe_does_not_see_still_waits_twice_as_long_each_time() throws InterruptedException {
        probeSeesOutage = false;
        long started = System.nanoTime();
        flusher.start();
        await(() -> tries.get() >= 6, Duration.ofSeconds(10));
        Duration sixTries = Duration.ofNanos(System.nanoTime() - started);

        assertThat(sixTries).as("waits of 40, 80, 160, 320 and 640 ms after the first try")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_240));
        assertThat(probes.get()).as("asked every interval meanwhile").isGreaterThan(10);
        assertThat(writes.get()).isZero();
    }

    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(2);
        }
    }

    private static final class OneDirtyChannel implements TrackChanges {

        @Override
        public Claim claim(int max) {
            return new Claim(List.of(CHANNEL), true);
        }

        @Override
        public List<ChannelChanges> takeChanges(List<ChannelId> claimed, long maxEntries) {
            return List.of(new ChannelChanges(CHANNEL, new ChannelHead(1, Instant.EPOCH, 0, 1, 1), List.of(), List.of(),
                    List.of(), 1, true));
        }

        @Override
        public void release(List<ChannelId> claimed) {
        }

        @Override
        public void abandon(List<ChannelId> claimed) {
        }

        @Override
        public void noteFlush(Instant at, long rowsWritten) {
        }

        @Override
        public SyncStatus status() {
            return new SyncStatus(1, 1, Duration.ZERO, null, 0, 0);
        }
    }
}
