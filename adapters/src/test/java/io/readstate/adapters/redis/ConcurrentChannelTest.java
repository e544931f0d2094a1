package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** Many threads posting and reading in one channel: every count ends exact. */
class ConcurrentChannelTest {

    private static final ChannelId CHANNEL = ChannelId.of("busy");
    private static final UserId OBSERVER = UserId.of("observer");
    private static final int THREADS = 8;
    private static final int OPERATIONS = 300;
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();

    private record Posted(long seq, UserId sender, boolean mentionsObserver) {
    }

    @Test
    void concurrent_posts_and_reads_leave_exact_counts() throws Exception {
        RedisReadState store = new RedisReadState(redisson, new RedisKeys(prefix), 100_000);
        store.record(List.of(new MemberJoined(CHANNEL, OBSERVER, OptionalLong.empty(), NOW)));
        List<UserId> writers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            writers.add(UserId.of("writer-" + i));
            store.record(List.of(new MemberJoined(CHANNEL, writers.get(i), OptionalLong.empty(), NOW)));
        }
        AtomicLong nextSeq = new AtomicLong();
        ConcurrentLinkedQueue<Posted> applied = new ConcurrentLinkedQueue<>();
        long[] highestSeenReadPosition = new long[THREADS];

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int writer = t;
            done.add(pool.submit(() -> {
                UserId me = writers.get(writer);
                for (int i = 0; i < OPERATIONS; i++) {
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        long seq = nextSeq.incrementAndGet();
                        boolean mention = ThreadLocalRandom.current().nextInt(4) == 0;
                        Outcome outcome = store.record(List.of(new MessagePosted(CHANNEL, seq, me, NOW,
                                mention ? Set.of(OBSERVER) : Set.of(), false))).get(0);
                        if (outcome.applied()) {
                            applied.add(new Posted(seq, me, mention));
                            highestSeenReadPosition[writer] = Math.max(highestSeenReadPosition[writer], seq);
                        }
                    } else {
                        long upTo = 1 + ThreadLocalRandom.current().nextLong(nextSeq.get() + 1);
                        Outcome outcome = store.record(List.of(
                                new ChannelRead(CHANNEL, me, OptionalLong.of(upTo), NOW))).get(0);
                        long position = ((Outcome.ReadRecorded) outcome).state().lastReadSeq();
                        highestSeenReadPosition[writer] = Math.max(highestSeenReadPosition[writer], position);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        MemberState observer = store.member(CHANNEL, OBSERVER).orElseThrow();
        assertThat(observer.unread()).isEqualTo(applied.size());
        assertThat(observer.mentions()).isEqualTo(applied.stream().filter(Posted::mentionsObserver).count());
        assertThat(observer.headSeq()).isEqualTo(applied.stream().mapToLong(Posted::seq).max().orElseThrow());
        for (int t = 0; t < THREADS; t++) {
            MemberState writer = store.member(CHANNEL, writers.get(t)).orElseThrow();
            long position = writer.lastReadSeq();
            assertThat(position).isEqualTo(highestSeenReadPosition[t]);
            assertThat(writer.unread()).isEqualTo(applied.stream().filter(p -> p.seq() > position).count());
        }
        assertThat(store.readers(CHANNEL, 1).orElseThrow().memberCount()).isEqualTo(THREADS + 1);
    }
}
