package io.readstate.adapters.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.port.WriteCheckpoint;
import io.readstate.domain.rules.InMemoryReadState;
import io.readstate.domain.usecase.FlushChanges;
import io.readstate.domain.usecase.FlushReport;
import io.readstate.domain.usecase.RehydrateChannels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Write-behind end to end on real Redis and PostgreSQL: random traffic lands in Redis,
 * flushes carry it to PostgreSQL, Redis is wiped and rebuilt from PostgreSQL, and every
 * answer equals the rules' answer, before and after, also as traffic goes on.
 */
class WriteBehindRoundTripTest {

    private static final int WINDOW = 6;
    /** Indexes in RedisKeys.trackedChannel: the KEYS of lua/common.lua, from 0. */
    private static final int MEMBERS = 5;
    private static final int DIRTY = 9;
    private static final int FLUSHING = 11;

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private final Jdbi jdbi = TestPostgres.newDatabase().jdbi();
    private final InMemoryReadState rules = new InMemoryReadState(WINDOW);
    private RedisReadState redis;

    private FlushChanges flusher(Duration lease, int channelsPerBatch) {
        return flusher(lease, channelsPerBatch, 50_000);
    }

    private FlushChanges flusher(Duration lease, int channelsPerBatch, long entriesPerBatch) {
        return new FlushChanges(new RedisChangeTracker(redisson, keys, lease), new PostgresCheckpoint(jdbi),
                Clock.systemUTC(), channelsPerBatch, entriesPerBatch);
    }

    /** Applies random traffic to Redis and the rules alike; {@code flusher}, when given, flushes a batch now and then. */
    private void apply(RandomEvents traffic, int steps, FlushChanges flusher) {
        for (int step = 0; step < steps; step++) {
            List<ChannelEvent> batch = new ArrayList<>();
            for (int i = step % 4 == 0 ? 5 : 1; i > 0; i--) {
                batch.add(traffic.next());
            }
            assertThat(redis.record(batch)).isEqualTo(rules.record(batch));
            if (flusher != null && step % 37 == 0) {
                flusher.flushBatch();
            }
        }
    }

    private void wipeRedisAndRehydrate() {
        REDIS.deleteKeys();
        RehydrateChannels rehydrate = new RehydrateChannels(new PostgresDurableState(jdbi),
                new RedisHotStateRestorer(redisson, keys, true));
        RehydrateChannels.Summary summary = rehydrate.rehydrateAll((done, total, restored, skipped) -> { });
        assertThat(summary.skipped()).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void after_a_flush_a_wiped_redis_is_rebuilt_with_exactly_the_same_answers(long seed) {
        RandomEvents traffic = new RandomEvents(seed, 4, 7);
        redis = new RedisReadState(redisson, keys, WINDOW, true);
        // seed 14's flusher takes 4 entries a batch: channels are taken in part, and past the 4th entry given up
        FlushChanges flusher = flusher(Duration.ofSeconds(30), 3, seed == 14 ? 4 : 50_000);

        apply(traffic, 300, flusher);
        FlushReport report = flusher.flushAll(Duration.ofSeconds(30));
        RedisChangeTracker tracker = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        SyncStatus status = tracker.status();
        assertThat(status.backlog()).as("backlog after flushing everything").isZero();
        assertThat(status.dirtyChannels()).isZero();
        assertThat(status.lag()).isEqualTo(Duration.ZERO);
        assertThat(report.rowsWritten()).isPositive();

        wipeRedisAndRehydrate();
        SameState.assertSameState(traffic, redis, rules, "seed " + seed + " after rehydration");

        apply(traffic, 150, flusher);
        SameState.assertSameState(traffic, redis, rules, "seed " + seed + " with traffic after rehydration");
        flusher.flushAll(Duration.ofSeconds(30));
        wipeRedisAndRehydrate();
        SameState.assertSameState(traffic, redis, rules, "seed " + seed + " after a second rehydration");
    }

    @Test
    void racing_flushers_with_short_leases_never_move_anything_backwards() throws Exception {
        RandomEvents traffic = new RandomEvents(21, 4, 7);
        redis = new RedisReadState(redisson, keys, WINDOW, true);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> flushers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FlushChanges flusher = flusher(Duration.ofMillis(5), 2, i == 0 ? 3 : 50_000);
            flushers.add(pool.submit(() -> {
                while (running.get()) {
                    flusher.flushBatch();
                }
                return null;
            }));
        }
        apply(traffic, 400, flusher(Duration.ofMillis(5), 2));
        running.set(false);
        for (Future<?> f : flushers) {
            f.get();
        }
        pool.shutdown();
        flusher(Duration.ofSeconds(30), 50).flushAll(Duration.ofSeconds(30));

        wipeRedisAndRehydrate();
        SameState.assertSameState(traffic, redis, rules, "after racing flushers");
    }

    @Test
    void the_backlog_counts_dirty_entries_and_coalesces_repeated_changes() {
        RandomEvents traffic = new RandomEvents(31, 1, 3);
        redis = new RedisReadState(redisson, keys, WINDOW, true);
        RedisChangeTracker tracker = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        apply(traffic, 200, null);
        SyncStatus before = tracker.status();
        assertThat(before.backlog()).isPositive().isLessThanOrEqualTo(1 + 3 + 200L * 5);
        assertThat(before.dirtyChannels()).isEqualTo(1);

        FlushReport report = new FlushChanges(tracker, new PostgresCheckpoint(jdbi), Clock.systemUTC(), 10, 50_000)
                .flushAll(Duration.ofSeconds(10));

        assertThat(report.entries()).isEqualTo(before.backlog());
        assertThat(tracker.status().backlog()).isZero();
        assertThat(tracker.status().flushedRowsTotal()).isEqualTo(report.rowsWritten());
    }

    /**
     * A call adds its dirty entries to each shard's backlog once, at its end: with calls
     * spanning channels of several shards, messages trimmed out of the window (entries
     * forgotten) and flushes in between, the backlog is still the entries waiting.
     */
    @Test
    void the_backlog_is_the_entries_waiting_after_calls_over_many_shards() {
        RandomEvents traffic = new RandomEvents(37, 24, 6);
        long shards = traffic.channels().stream().map(RedisKeys::shardOf).distinct().count();
        assertThat(shards).as("shards the channels fall in").isGreaterThan(10);
        redis = new RedisReadState(redisson, keys, WINDOW, true);
        RedisChangeTracker tracker = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        FlushChanges flusher = flusher(Duration.ofSeconds(30), 5);
        for (int step = 0; step < 120; step++) {
            List<ChannelEvent> batch = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                batch.add(traffic.next());
            }
            assertThat(redis.recordBriefly(batch)).hasSize(batch.size());
            if (step % 17 == 0) {
                flusher.flushBatch();
            }
            assertThat(tracker.status().backlog()).as("backlog after step %d", step).isEqualTo(entriesWaiting(traffic));
        }
    }

    /**
     * Redis keeps what a failing script wrote before it failed: a call whose later run fails
     * (here a members key of the wrong type) still counts the entries its earlier runs marked.
     */
    @Test
    void a_call_that_fails_half_way_still_counts_the_entries_it_marked() {
        redis = new RedisReadState(redisson, keys, WINDOW, true);
        RedisChangeTracker tracker = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        ChannelId fine = ChannelId.of("fine");
        ChannelId broken = ChannelId.of("broken");
        redis.record(List.of(new MembersJoined(fine, List.of(UserId.of("ann"), UserId.of("bob")), Instant.now())));
        flusher(Duration.ofSeconds(30), 10).flushAll(Duration.ofSeconds(10));
        redisson.getBucket((String) keys.trackedChannel(broken).get(MEMBERS), StringCodec.INSTANCE).set("not a hash");

        assertThatThrownBy(() -> redis.recordBriefly(List.of(
                new MessagePosted(fine, 1, UserId.of("ann"), Instant.now(), Set.of(), false),
                new MessagePosted(broken, 1, UserId.of("ann"), Instant.now(), Set.of(), false))))
                .isInstanceOf(StoreUnavailable.class);

        assertThat(entriesWaiting(List.of(fine, broken))).as("entries the failed call left").isPositive();
        assertThat(tracker.status().backlog()).isEqualTo(entriesWaiting(List.of(fine, broken)));
    }

    /** The dirty and taken entries of every channel, counted in Redis itself. */
    private long entriesWaiting(RandomEvents traffic) {
        return entriesWaiting(traffic.channels());
    }

    private long entriesWaiting(List<ChannelId> channels) {
        long entries = 0;
        for (ChannelId channel : channels) {
            List<Object> channelKeys = keys.trackedChannel(channel);
            entries += redisson.getMap((String) channelKeys.get(DIRTY), StringCodec.INSTANCE).size();
            entries += redisson.getMap((String) channelKeys.get(FLUSHING), StringCodec.INSTANCE).size();
        }
        return entries;
    }

    @Test
    void a_channel_with_more_dirty_entries_than_a_redis_batch_takes_is_written_in_parts() {
        redis = new RedisReadState(redisson, keys, WINDOW, true);
        ChannelId channel = ChannelId.of("crowded");
        int members = 25_000;
        for (int from = 0; from < members; from += MembersJoined.MAX_USERS) {
            List<UserId> users = IntStream.range(from, Math.min(members, from + MembersJoined.MAX_USERS))
                    .mapToObj(i -> UserId.of("u" + i)).toList();
            redis.record(List.of(new MembersJoined(channel, users, Instant.now())));
        }
        RedisChangeTracker tracker = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        long backlog = tracker.status().backlog();
        PostgresCheckpoint postgres = new PostgresCheckpoint(jdbi);
        List<Long> takes = new ArrayList<>();
        WriteCheckpoint noting = (batch, made) -> {
            batch.forEach(changes -> takes.add(changes.entries()));
            return postgres.write(batch, made);
        };

        FlushReport report = new FlushChanges(tracker, noting, Clock.systemUTC(), 10, 50_000)
                .flushAll(Duration.ofSeconds(30));

        assertThat(takes).as("entries per take").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2_000));
        assertThat(takes).hasSizeGreaterThanOrEqualTo(13);
        assertThat(report.entries()).isEqualTo(backlog);
        assertThat(tracker.status().backlog()).isZero();
        int written = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM members WHERE present")
                .mapTo(Integer.class).one());
        assertThat(written).isEqualTo(members);
    }

    /**
     * The take looks members and messages up 500 at a time: with thousands of each to
     * take, every row must still get its own member's and message's state.
     */
    @Test
    void a_take_of_thousands_of_members_and_messages_writes_each_as_it_is() {
        int count = 2_500;
        redis = new RedisReadState(redisson, keys, count, true);
        ChannelId channel = ChannelId.of("busy");
        List<UserId> users = IntStream.range(0, count).mapToObj(i -> UserId.of("u" + i)).toList();
        redis.record(List.of(new MembersJoined(channel, users, Instant.now())));
        flusher(Duration.ofSeconds(30), 10).flushAll(Duration.ofSeconds(30));
        List<ChannelEvent> messages = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {  // user i sends message i + 1, which mentions user i + 1
            messages.add(new MessagePosted(channel, seq, users.get(seq - 1), Instant.now(),
                    Set.of(users.get(seq % count)), seq % 100 == 0));
        }
        for (int from = 0; from < count; from += 500) {
            redis.record(messages.subList(from, from + 500));
        }

        FlushReport report = flusher(Duration.ofSeconds(30), 10).flushAll(Duration.ofSeconds(30));

        assertThat(report.entries()).isEqualTo(1 + 2L * count);
        jdbi.useHandle(handle -> {
            assertThat(handle.createQuery("SELECT user_id FROM members WHERE user_id !~ '^u[0-9]+$'")
                    .mapTo(String.class).list()).as("rows of no user").isEmpty();
            assertThat(handle.createQuery("SELECT count(*) FROM members WHERE last_read_seq = substr(user_id, 2)::bigint + 1")
                    .mapTo(Integer.class).one()).as("members whose own message is their read position").isEqualTo(count);
            assertThat(handle.createQuery("SELECT count(*) FROM messages WHERE mention_all = (seq % 100 = 0)")
                    .mapTo(Integer.class).one()).as("messages, mentionAll as sent").isEqualTo(count);
            assertThat(handle.createQuery("SELECT count(*) FROM mentions WHERE user_id = 'u' || (seq % :count)")
                    .bind("count", count).mapTo(Integer.class).one()).as("mentions of whom they named")
                    .isEqualTo(count - count / 100);  // one that mentions everyone keeps no names
        });
    }
}
