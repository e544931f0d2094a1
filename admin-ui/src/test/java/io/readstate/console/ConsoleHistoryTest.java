package io.readstate.console;

import static io.readstate.console.SnapshotBuilder.aSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleHistoryTest {

    private static final Instant START = Instant.parse("2026-11-26T19:00:00Z");

    @Test
    void it_keeps_the_last_fifteen_minutes_of_snapshots_taken_every_five_seconds() {
        ConsoleHistory history = new ConsoleHistory();

        for (int i = 0; i <= 360; i++) {
            history.record(aSnapshot().at(START.plusSeconds(5L * i)).build());
        }

        List<ConsoleSnapshot> kept = history.snapshots();
        Instant newest = START.plusSeconds(5L * 360);
        assertThat(kept.get(kept.size() - 1).takenAt()).isEqualTo(newest);
        assertThat(kept.get(0).takenAt()).isEqualTo(newest.minus(Duration.ofMinutes(15)));
        assertThat(kept).hasSize(181);
    }

    @Test
    void snapshots_come_back_oldest_first_and_the_latest_is_the_last_recorded() {
        ConsoleHistory history = new ConsoleHistory();
        history.record(aSnapshot().at(START).build());
        history.record(aSnapshot().at(START.plusSeconds(5)).build());

        assertThat(history.snapshots()).extracting(ConsoleSnapshot::takenAt)
                .containsExactly(START, START.plusSeconds(5));
        assertThat(history.latest()).map(ConsoleSnapshot::takenAt).contains(START.plusSeconds(5));
    }

    @Test
    void an_empty_history_has_no_latest_snapshot() {
        assertThat(new ConsoleHistory().latest()).isEmpty();
        assertThat(new ConsoleHistory().snapshots()).isEmpty();
    }

    @Test
    void memory_stays_bounded_however_often_it_is_fed() {
        ConsoleHistory history = new ConsoleHistory();

        for (int i = 0; i < 5_000; i++) {
            history.record(aSnapshot().at(START.plusMillis(10L * i)).build());
        }

        assertThat(history.snapshots()).hasSizeLessThanOrEqualTo(900);
    }

    @Test
    void recording_from_many_threads_at_once_loses_nothing_within_the_window() throws Exception {
        ConsoleHistory history = new ConsoleHistory(Duration.ofHours(1));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < 100; i++) {
                    history.record(aSnapshot().at(START.plusMillis(thread * 100L + i)).build());
                    history.snapshots();
                }
                return null;
            }));
        }
        go.countDown();
        for (var future : done) {
            future.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(history.snapshots()).hasSize(800);
    }

    @Test
    void the_sampler_records_what_the_backend_shows_and_survives_a_backend_that_throws() {
        ConsoleHistory history = new ConsoleHistory();
        FakeConsoleBackend backend = new FakeConsoleBackend().showing(aSnapshot().at(START).build());
        Runnable sampler = history.samplerOf(backend);

        sampler.run();
        backend.failingSnapshotsWith(new IllegalStateException("Redis is down"));
        sampler.run();

        assertThat(history.snapshots()).extracting(ConsoleSnapshot::takenAt).containsExactly(START);
    }
}
