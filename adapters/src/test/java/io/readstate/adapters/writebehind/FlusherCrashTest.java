package io.readstate.adapters.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.adapters.postgres.PostgresCheckpoint;
import io.readstate.adapters.postgres.PostgresDurableState;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.adapters.redis.RedisChangeTracker;
import io.readstate.adapters.redis.RedisHotStateRestorer;
import io.readstate.adapters.redis.RedisKeys;
import io.readstate.adapters.redis.RedisReadState;
import io.readstate.adapters.redis.SameState;
import io.readstate.adapters.redis.TestRedisClient;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.port.TrackChanges;
import io.readstate.domain.rules.InMemoryReadState;
import io.readstate.domain.usecase.FlushChanges;
import io.readstate.domain.usecase.RehydrateChannels;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * A flusher that dies at the worst moments (after taking the changes, and after writing
 * them but before releasing them) loses nothing: once its lease runs out, another flusher
 * takes the same entries over and PostgreSQL ends equal to Redis.
 */
class FlusherCrashTest {

    private static final int WINDOW = 6;

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private final Jdbi jdbi = TestPostgres.newDatabase().jdbi();

    /** A flusher process that stops dead at a chosen step: nothing after it runs. */
    private static final class Dies extends RuntimeException {
    }

    private record DyingTracker(TrackChanges tracker, boolean afterTaking) implements TrackChanges {
        @Override
        public Claim claim(int max) {
            return tracker.claim(max);
        }

        @Override
        public List<ChannelChanges> takeChanges(List<ChannelId> claimed, long maxEntries) {
            List<ChannelChanges> taken = tracker.takeChanges(claimed, maxEntries);
            if (afterTaking) {
                throw new Dies();
            }
            return taken;
        }

        @Override
        public void release(List<ChannelId> claimed) {
            throw new Dies();
        }

        @Override
        public void abandon(List<ChannelId> claimed) {
            throw new Dies();
        }

        @Override
        public void noteFlush(java.time.Instant at, long rowsWritten) {
            throw new Dies();
        }

        @Override
        public io.readstate.domain.model.durable.SyncStatus status() {
            return tracker.status();
        }
    }

    @Test
    void entries_of_a_flusher_that_died_are_flushed_by_another_once_its_lease_runs_out() throws Exception {
        RedisReadState redis = new RedisReadState(redisson, keys, WINDOW, true);
        InMemoryReadState rules = new InMemoryReadState(WINDOW);
        RandomEvents traffic = new RandomEvents(91, 4, 6);
        Duration lease = Duration.ofMillis(300);

        for (boolean afterTaking : new boolean[] {true, false}) {
            apply(traffic, 120, redis, rules);
            FlushChanges dying = new FlushChanges(new DyingTracker(new RedisChangeTracker(redisson, keys, lease),
                    afterTaking), new PostgresCheckpoint(jdbi), Clock.systemUTC(), 100, 50_000);
            try {
                dying.flushBatch();
            } catch (Dies expected) {
                // the process is gone: its claims stay until the lease runs out
            }
            apply(traffic, 40, redis, rules);
        }
        RedisChangeTracker survivor = new RedisChangeTracker(redisson, keys, lease);
        assertThat(survivor.status().backlog()).as("the dead flusher's entries are still counted").isPositive();
        Thread.sleep(lease.toMillis() + 200);
        new FlushChanges(survivor, new PostgresCheckpoint(jdbi), Clock.systemUTC(), 100, 50_000)
                .flushAll(Duration.ofSeconds(30));
        assertThat(survivor.status().backlog()).isZero();

        REDIS.deleteKeys();
        new RehydrateChannels(new PostgresDurableState(jdbi), new RedisHotStateRestorer(redisson, keys, true))
                .rehydrateAll((done, total, restored, skipped) -> { });
        SameState.assertSameState(traffic, redis, rules, "PostgreSQL after the crashes");
    }

    private static void apply(RandomEvents traffic, int steps, RedisReadState redis, InMemoryReadState rules) {
        for (int step = 0; step < steps; step++) {
            List<ChannelEvent> batch = List.of(traffic.next());
            assertThat(redis.record(batch)).isEqualTo(rules.record(batch));
        }
    }
}
