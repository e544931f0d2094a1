package io.readstate.adapters.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.adapters.postgres.PostgresCheckpoint;
import io.readstate.adapters.postgres.PostgresDurableState;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.adapters.redis.RedisChangeTracker;
import io.readstate.adapters.redis.RedisKeys;
import io.readstate.adapters.redis.RedisReadState;
import io.readstate.adapters.redis.RedisRecovery;
import io.readstate.adapters.redis.SameState;
import io.readstate.adapters.redis.TestRedis;
import io.readstate.adapters.redis.TestRedisCluster;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.rules.InMemoryReadState;
import io.readstate.domain.usecase.FlushChanges;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * A node of a Redis Cluster fails under traffic, for real: a cluster of its own per test,
 * started by {@code scripts/redis-cluster.sh}, one master killed with SIGKILL. The traffic
 * behaves as a chat service does: an event that gets {@link StoreUnavailable} (a 503) is
 * sent again, in order, until it is acknowledged.
 */
class ClusterFailuresTest {

    private static final int WINDOW = 8;
    private static final int MASTER_SLOTS_END = 5460;  // the first node's slots: 0..5460
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final String prefix = TestRedis.uniquePrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private final Jdbi jdbi = TestPostgres.newDatabase().jdbi();

    @Test
    void a_master_killed_under_traffic_fails_over_to_its_replica_and_no_acknowledged_change_is_lost() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start(true)) {
            RedissonClient redisson = cluster.newClient();
            try {
                RedisRecovery recovery = writeBehindRecovery(redisson);
                RedisReadState redis = new RedisReadState(recovery, keys, WINDOW, true);
                FlushChanges flusher = flusher(recovery);
                RandomEvents traffic = new RandomEvents(91, 24, 8);
                InMemoryReadState rules = new InMemoryReadState(WINDOW);

                Outage first = send(traffic, 400, redis, rules);
                flusher.flushAll(Duration.ofSeconds(30));
                send(traffic, 100, redis, rules);
                cluster.kill(cluster.firstPort());
                Outage during = send(traffic, 400, redis, rules);

                assertThat(first.refused()).as("nothing was refused before the kill").isZero();
                System.out.printf("failover: %d requests answered 503 over %d ms until the replica took over%n",
                        during.refused(), during.unavailableMillis());
                SameState.assertSameState(traffic, redis, rules, "after the failover");
                assertThat(recovery.loss().detectedAt()).as("the replica kept every shard's epoch: no loss").isNull();
                flusher.flushAll(Duration.ofSeconds(30));
                assertThat(new RedisChangeTracker(recovery, keys, Duration.ofSeconds(30)).status().backlog()).isZero();
            } finally {
                redisson.shutdown();
            }
        }
    }

    @Test
    void a_master_restarted_empty_loses_exactly_its_unflushed_changes_and_is_rebuilt_from_postgresql() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start(false)) {
            RedissonClient redisson = cluster.newClient();
            try {
                RedisRecovery recovery = writeBehindRecovery(redisson);
                RedisReadState redis = new RedisReadState(recovery, keys, WINDOW, true);
                FlushChanges flusher = flusher(recovery);
                RandomEvents traffic = new RandomEvents(92, 24, 8);
                InMemoryReadState everything = new InMemoryReadState(WINDOW);
                InMemoryReadState checkpointed = new InMemoryReadState(WINDOW);

                send(traffic, 400, redis, everything, checkpointed);
                flusher.flushAll(Duration.ofSeconds(30));
                send(traffic, 150, redis, everything);
                Predicate<ChannelId> onKilledNode = channel -> redisson.getKeys().getSlot(keys.channelMeta(channel))
                        <= MASTER_SLOTS_END;
                Set<ChannelId> lost = traffic.channels().stream().filter(onKilledNode).collect(Collectors.toSet());
                assertThat(lost).as("some channels live on the node to kill, some elsewhere")
                        .isNotEmpty().hasSizeLessThan(traffic.channels().size());

                cluster.kill(cluster.firstPort());
                cluster.restart(cluster.firstPort());
                LoadReadState expected = new ChannelByChannel(traffic, lost, checkpointed, everything);
                for (ChannelId channel : traffic.channels()) {
                    assertThat(untilAvailable(() -> redis.channel(channel))).as("channel " + channel)
                            .isEqualTo(expected.channel(channel));
                }
                RedisRecovery.Loss loss = recovery.loss();
                assertThat(loss.detectedAt()).as("the loss is noticed and reported").isNotNull();
                assertThat(loss.checkpointAt()).as("with the checkpoint it was rebuilt from").isNotNull();

                recovery.rebuildAll();
                assertThat(recovery.loss().recovering()).isFalse();
                SameState.assertSameState(traffic, redis, expected,
                        "the killed node's channels as checkpointed, the others as they were");
            } finally {
                redisson.shutdown();
            }
        }
    }

    /** Write-behind's recovery on the cluster, rebuilding from this test's database, its epochs begun. */
    private RedisRecovery writeBehindRecovery(RedissonClient redisson) {
        RedisRecovery recovery = new RedisRecovery(redisson, keys, Optional.of(new PostgresDurableState(jdbi)), true, false);
        recovery.beginEpochIfMissing();
        return recovery;
    }

    private FlushChanges flusher(RedisRecovery recovery) {
        return new FlushChanges(new RedisChangeTracker(recovery, keys, Duration.ofSeconds(30)),
                new PostgresCheckpoint(jdbi), Clock.systemUTC(), 50, 50_000);
    }

    /** How many requests were refused and for how long, while some node was failing. */
    private record Outage(int refused, long unavailableMillis) {
    }

    /**
     * Sends events one by one, each again until acknowledged, and applies them to the rules.
     * An event sent again may have been applied the first time (the answer was lost, not the
     * write), so only a first attempt's outcome is compared; the state is compared later.
     */
    private static Outage send(RandomEvents traffic, int count, RedisReadState redis, InMemoryReadState... rules) {
        int refused = 0;
        long firstRefusal = 0;
        long lastRefusal = 0;
        for (int i = 0; i < count; i++) {
            List<ChannelEvent> event = List.of(traffic.next());
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            for (boolean firstAttempt = true; ; firstAttempt = false) {
                try {
                    var outcomes = redis.record(event);
                    for (InMemoryReadState model : rules) {
                        var expected = model.record(event);
                        if (firstAttempt) {
                            assertThat(outcomes).as("never a wrong answer").isEqualTo(expected);
                        }
                    }
                    break;
                } catch (StoreUnavailable unavailable) {
                    refused++;
                    lastRefusal = System.nanoTime();
                    firstRefusal = firstRefusal == 0 ? lastRefusal : firstRefusal;
                    assertThat(lastRefusal).as("the cluster serves again within " + GIVE_UP).isLessThan(deadline);
                    pause();
                }
            }
        }
        return new Outage(refused, (lastRefusal - firstRefusal) / 1_000_000);
    }

    private static <T> T untilAvailable(java.util.function.Supplier<T> query) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            try {
                return query.get();
            } catch (StoreUnavailable unavailable) {
                assertThat(System.nanoTime()).as("the cluster serves again within " + GIVE_UP).isLessThan(deadline);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The expected state: the lost channels from one model, every other channel from another. */
    private record ChannelByChannel(RandomEvents traffic, Set<ChannelId> lost, LoadReadState ofLost,
                                    LoadReadState ofKept) implements LoadReadState {

        private LoadReadState of(ChannelId channel) {
            return lost.contains(channel) ? ofLost : ofKept;
        }

        @Override
        public Optional<ChannelSummary> channel(ChannelId channelId) {
            return of(channelId).channel(channelId);
        }

        @Override
        public Optional<MemberState> member(ChannelId channelId, UserId userId) {
            return of(channelId).member(channelId, userId);
        }

        @Override
        public List<MemberState> memberships(UserId userId) {
            List<MemberState> states = new ArrayList<>();
            for (ChannelId channel : traffic.channels()) {
                member(channel, userId).ifPresent(states::add);
            }
            return states;
        }

        @Override
        public Optional<Readers> readers(ChannelId channelId, long seq) {
            return of(channelId).readers(channelId, seq);
        }
    }
}
