package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writers of one channel take turns on its row: whatever the interleaving, every count ends exact. */
class PostgresConcurrentWritersTest {

    private static final ChannelId BUSY = ChannelId.of("busy");
    private static final UserId OBSERVER = UserId.of("observer");
    private static final int THREADS = 4;
    private static final int OPERATIONS = 60;
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");

    private PostgresReadState store;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        store = new PostgresReadState(TestPostgres.newDatabase().jdbi(), 100_000);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private record Posted(long seq, boolean mentionsObserver) {
    }

    @Test
    void concurrent_posts_and_reads_in_one_channel_leave_exact_counts() throws Exception {
        List<UserId> writers = new ArrayList<>();
        List<ChannelEvent> joins = new ArrayList<>(List.of(new MemberJoined(BUSY, OBSERVER, OptionalLong.empty(), NOW)));
        for (int i = 0; i < THREADS; i++) {
            writers.add(UserId.of("writer-" + i));
            joins.add(new MemberJoined(BUSY, writers.get(i), OptionalLong.empty(), NOW));
        }
        store.record(joins);
        AtomicLong nextSeq = new AtomicLong();
        ConcurrentLinkedQueue<Posted> applied = new ConcurrentLinkedQueue<>();
        long[] highestReadPosition = new long[THREADS];

        runTogether(writer -> {
            UserId me = writers.get(writer);
            for (int i = 0; i < OPERATIONS; i++) {
                if (ThreadLocalRandom.current().nextBoolean()) {
                    long seq = nextSeq.incrementAndGet();
                    boolean mention = ThreadLocalRandom.current().nextInt(4) == 0;
                    Outcome outcome = store.record(List.of(new MessagePosted(BUSY, seq, me, NOW,
                            mention ? Set.of(OBSERVER) : Set.of(), false))).get(0);
                    if (outcome.applied()) {
                        applied.add(new Posted(seq, mention));
                        highestReadPosition[writer] = Math.max(highestReadPosition[writer], seq);
                    }
                } else {
                    long upTo = 1 + ThreadLocalRandom.current().nextLong(nextSeq.get() + 1);
                    Outcome outcome = store.record(List.of(new ChannelRead(BUSY, me, OptionalLong.of(upTo), NOW))).get(0);
                    long position = ((Outcome.ReadRecorded) outcome).state().lastReadSeq();
                    highestReadPosition[writer] = Math.max(highestReadPosition[writer], position);
                }
            }
        });

        MemberState observer = store.member(BUSY, OBSERVER).orElseThrow();
        assertThat(observer.unread()).isEqualTo(applied.size());
        assertThat(observer.mentions()).isEqualTo(applied.stream().filter(Posted::mentionsObserver).count());
        assertThat(observer.headSeq()).isEqualTo(applied.stream().mapToLong(Posted::seq).max().orElseThrow());
        for (int t = 0; t < THREADS; t++) {
            MemberState writer = store.member(BUSY, writers.get(t)).orElseThrow();
            long position = writer.lastReadSeq();
            assertThat(position).isEqualTo(highestReadPosition[t]);
            assertThat(writer.unread()).isEqualTo(applied.stream().filter(p -> p.seq() > position).count());
        }
    }

    @Test
    void batches_naming_the_same_channels_in_opposite_orders_do_not_deadlock() throws Exception {
        List<ChannelId> channels = List.of(ChannelId.of("a"), ChannelId.of("b"), ChannelId.of("c"));
        for (ChannelId channel : channels) {
            store.record(List.of(new MemberJoined(channel, OBSERVER, OptionalLong.empty(), NOW)));
        }
        AtomicLong nextSeq = new AtomicLong();

        runTogether(writer -> {
            for (int i = 0; i < OPERATIONS / 2; i++) {
                List<ChannelId> order = new ArrayList<>(channels);
                if (writer % 2 == 1) {
                    Collections.reverse(order);
                }
                List<ChannelEvent> batch = new ArrayList<>();
                for (ChannelId channel : order) {
                    batch.add(new MessagePosted(channel, nextSeq.incrementAndGet(), UserId.of("w" + writer), NOW,
                            Set.of(OBSERVER), false));
                }
                store.record(batch);
            }
        });

        long mentions = channels.stream().mapToLong(c -> store.member(c, OBSERVER).orElseThrow().mentions()).sum();
        long unread = channels.stream().mapToLong(c -> store.member(c, OBSERVER).orElseThrow().unread()).sum();
        assertThat(mentions).isEqualTo(unread).isPositive();
    }

    private interface Writer {
        void run(int writer) throws Exception;
    }

    /** Runs one writer per thread, all at once, and rethrows the first failure. */
    private void runTogether(Writer body) throws Exception {
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int writer = t;
            Callable<Void> task = () -> {
                body.run(writer);
                return null;
            };
            done.add(pool.submit(task));
        }
        for (Future<Void> f : done) {
            f.get();
        }
    }
}
