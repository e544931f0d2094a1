package io.readstate.adapters.writebehind;

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
import io.readstate.adapters.redis.TestRedisClient;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.model.durable.Checkpoint;
import io.readstate.domain.port.LoadDurableState;
import io.readstate.domain.port.WriteCheckpoint;
import io.readstate.domain.rules.InMemoryReadState;
import io.readstate.domain.usecase.FlushChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * Redis loses everything while the service runs: the next request notices (no epoch
 * key), every channel is rebuilt from PostgreSQL before it is used, and the answers are
 * those of the last checkpoint: exactly the changes after it are lost, and reported.
 */
class RedisLossTest {

    private static final int WINDOW = 6;

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private final Jdbi jdbi = TestPostgres.newDatabase().jdbi();
    private final RedisRecovery recovery = new RedisRecovery(redisson, keys,
            Optional.of(new PostgresDurableState(jdbi)), true, false);
    private final RedisReadState redis = new RedisReadState(recovery, keys, WINDOW, true);

    @Test
    void after_a_loss_every_channel_is_rebuilt_before_use_with_the_state_of_the_last_checkpoint() {
        FlushChanges flusher = flushingInto(new PostgresCheckpoint(jdbi));
        RandomEvents traffic = new RandomEvents(71, 4, 6);
        InMemoryReadState everything = new InMemoryReadState(WINDOW);
        InMemoryReadState checkpointed = new InMemoryReadState(WINDOW);

        apply(traffic, 200, redis, everything, checkpointed);
        Instant beforeFlush = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        flusher.flushAll(Duration.ofSeconds(30));
        Instant checkpoint = Instant.now();
        apply(traffic, 60, redis, everything, null);
        SameState.assertSameState(traffic, redis, everything, "before the loss");

        REDIS.deleteKeys();

        SameState.assertSameState(traffic, redis, checkpointed, "rebuilt lazily after the loss");
        RedisRecovery.Loss loss = recovery.loss();
        assertThat(loss.recovering()).isTrue();
        assertThat(loss.checkpointAt()).isBetween(beforeFlush, checkpoint);
        assertThat(loss.detectedAt()).isAfter(checkpoint);

        apply(traffic, 100, redis, checkpointed, null);
        assertThat(recovery.rebuildAll()).isEqualTo(traffic.channels().size());
        assertThat(recovery.loss().recovering()).isFalse();
        SameState.assertSameState(traffic, redis, checkpointed, "with traffic after the rebuild");
    }

    @Test
    void a_loss_found_by_the_background_pass_rebuilds_every_channel() {
        RandomEvents traffic = new RandomEvents(72, 3, 5);
        InMemoryReadState rules = checkpointedThenLost(traffic);

        assertThat(recovery.beginEpochIfMissing()).as("the loss is noticed").isTrue();
        assertThat(recovery.beginEpochIfMissing()).as("and only once").isFalse();
        assertThat(recovery.rebuildAll()).isEqualTo(traffic.channels().size());

        SameState.assertSameState(traffic, redis, rules, "after the background rebuild");
    }

    /**
     * A user's list of channels lives in the user's shard and is lost with it: asked for
     * first thing after the loss, before any channel is used, the memberships come from
     * PostgreSQL's list until the shard is rebuilt.
     */
    @Test
    void right_after_a_loss_a_users_memberships_are_those_of_the_checkpoint() {
        RandomEvents traffic = new RandomEvents(74, 4, 6);
        InMemoryReadState rules = checkpointedThenLost(traffic);

        UserId first = traffic.users().stream().filter(user -> !rules.memberships(user).isEmpty()).findFirst()
                .orElseThrow();
        assertThat(redis.memberships(first)).as("the first question after the loss")
                .containsExactlyInAnyOrderElementsOf(rules.memberships(first));
        assertThat(recovery.loss().recovering()).isTrue();
        for (UserId user : traffic.users()) {
            assertThat(redis.memberships(user)).as(user.value()).containsExactlyInAnyOrderElementsOf(rules.memberships(user));
        }
        recovery.rebuildAll();
        assertThat(recovery.loss().recovering()).isFalse();
        SameState.assertSameState(traffic, redis, rules, "after the rebuild");
    }

    @Test
    void a_chat_service_that_replays_its_messages_above_the_recovered_head_restores_exact_counts() {
        RandomEvents traffic = new RandomEvents(73, 3, 5);
        InMemoryReadState rules = new InMemoryReadState(WINDOW);
        apply(traffic, 150, redis, rules, null);
        flushingInto(new PostgresCheckpoint(jdbi)).flushAll(Duration.ofSeconds(30));
        List<MessagePosted> sentSinceTheCheckpoint = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ChannelId channel = traffic.channels().get(i % traffic.channels().size());
            long seq = rules.channel(channel).map(c -> c.headSeq()).orElse(0L) + 1 + i % 2;
            MessagePosted message = new MessagePosted(channel, seq, traffic.users().get(i % traffic.users().size()),
                    Instant.parse("2026-11-26T20:00:00Z").plusSeconds(i), Set.of(traffic.users().get((i + 1) % 5)), i % 7 == 0);
            assertThat(redis.record(List.of(message))).isEqualTo(rules.record(List.of(message)));
            sentSinceTheCheckpoint.add(message);
        }

        REDIS.deleteKeys();
        for (MessagePosted message : sentSinceTheCheckpoint) {
            long recoveredHead = redis.channel(message.channelId()).orElseThrow().headSeq();
            if (message.seq() > recoveredHead) {
                redis.record(List.of(message));
            }
        }

        SameState.assertSameState(traffic, redis, rules, "after the chat service replayed its messages");
    }

    /**
     * Events acknowledged while a flush is writing (after it took the changes, before its
     * commit) are not in the checkpoint: the loss is reported as surely lost after a time
     * before them, and the checkpoint the flush made covers what came before it began.
     */
    @Test
    void the_checkpoint_a_loss_is_reported_against_precedes_every_event_the_flush_did_not_take() {
        RandomEvents traffic = new RandomEvents(72, 4, 6);
        InMemoryReadState everything = new InMemoryReadState(WINDOW);
        InMemoryReadState checkpointed = new InMemoryReadState(WINDOW);
        apply(traffic, 200, redis, everything, checkpointed);

        PostgresCheckpoint postgres = new PostgresCheckpoint(jdbi);
        AtomicReference<Instant> duringTheWrite = new AtomicReference<>();
        WriteCheckpoint slowWrite = (changes, checkpoint) -> {
            if (duringTheWrite.get() == null) {
                duringTheWrite.set(Instant.now());
                apply(traffic, 30, redis, everything, null);
            }
            return postgres.write(changes, checkpoint);
        };
        Instant beforeFlush = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        flushingInto(slowWrite).flushAll(Duration.ofSeconds(30));

        REDIS.deleteKeys();

        SameState.assertSameState(traffic, redis, checkpointed, "rebuilt: what the flush took, not what came during its write");
        RedisRecovery.Loss loss = recovery.loss();
        assertThat(loss.checkpointAt()).isBetween(beforeFlush, duringTheWrite.get());
        assertThat(loss.lostAfter()).isBetween(loss.checkpointAt(), duringTheWrite.get());
    }

    /**
     * A flush that runs on a Redis that lost its state before anything else noticed finds
     * no dirty channel there: it must report the loss, not take the empty index for a
     * written backlog and move the checkpoint past the events the loss took.
     */
    @Test
    void a_flush_on_a_redis_that_lost_its_state_reports_the_loss_before_moving_the_checkpoint() {
        RandomEvents traffic = new RandomEvents(74, 3, 5);
        InMemoryReadState everything = new InMemoryReadState(WINDOW);
        InMemoryReadState checkpointed = new InMemoryReadState(WINDOW);
        apply(traffic, 100, redis, everything, checkpointed);
        FlushChanges flusher = flushingInto(new PostgresCheckpoint(jdbi));
        flusher.flushAll(Duration.ofSeconds(30));
        Instant checkpoint = Instant.now();
        apply(traffic, 40, redis, everything, null);

        REDIS.deleteKeys();
        flusher.flushAll(Duration.ofSeconds(30));

        RedisRecovery.Loss loss = recovery.loss();
        assertThat(loss.recovering()).as("the flush noticed the loss").isTrue();
        assertThat(loss.checkpointAt()).as("reported against the checkpoint before the loss").isBefore(checkpoint);
        SameState.assertSameState(traffic, redis, checkpointed, "rebuilt from the checkpoint before the loss");
    }

    /**
     * 150 steps of {@code traffic}, all of them checkpointed to PostgreSQL, then Redis's state
     * lost; returns the rules' state, which is the checkpoint's.
     */
    /**
     * Redis loses its state again while a rebuild pass is under way (here after the pass
     * rebuilt its first channel): what the pass rebuilt before went with it, so the pass
     * must not end the recovery, or that channel would be taken as rebuilt, and empty. It
     * is rebuilt again on first use, and the next pass ends the recovery.
     */
    @Test
    void a_loss_during_a_rebuild_pass_keeps_the_recovery_on() {
        RandomEvents traffic = new RandomEvents(75, 4, 6);
        InMemoryReadState rules = checkpointedThenLost(traffic);
        PostgresDurableState postgres = new PostgresDurableState(jdbi);
        RedisRecovery anotherInstance = new RedisRecovery(redisson, keys, Optional.of(postgres), true, false);
        AtomicInteger loads = new AtomicInteger();
        LoadDurableState lostAgainAfterTheFirstChannel = new LoadDurableState() {
            @Override
            public Optional<ChannelImage> load(ChannelId channelId) {
                if (loads.incrementAndGet() == 2) {
                    REDIS.deleteKeys();
                    assertThat(anotherInstance.beginEpochIfMissing()).as("the second loss is noticed").isTrue();
                }
                return postgres.load(channelId);
            }

            @Override
            public List<ChannelId> channelIds(Optional<ChannelId> after, int limit) {
                return postgres.channelIds(after, limit);
            }

            @Override
            public long channelCount() {
                return postgres.channelCount();
            }

            @Override
            public List<ChannelId> channelsOf(UserId userId) {
                return postgres.channelsOf(userId);
            }

            @Override
            public Optional<Checkpoint> lastCheckpoint() {
                return postgres.lastCheckpoint();
            }
        };
        RedisRecovery interrupted = new RedisRecovery(redisson, keys, Optional.of(lostAgainAfterTheFirstChannel),
                true, false);

        assertThat(interrupted.beginEpochIfMissing()).isTrue();
        assertThat(interrupted.rebuildAll()).isEqualTo(traffic.channels().size());
        assertThat(loads.get()).as("the second loss came during the pass").isGreaterThan(2);

        assertThat(recovery.loss().recovering()).as("still recovering after the interrupted pass").isTrue();
        SameState.assertSameState(traffic, redis, rules, "after a pass that a second loss interrupted");
        recovery.rebuildAll();
        assertThat(recovery.loss().recovering()).isFalse();
        SameState.assertSameState(traffic, redis, rules, "after the next pass");
    }

    private InMemoryReadState checkpointedThenLost(RandomEvents traffic) {
        InMemoryReadState rules = new InMemoryReadState(WINDOW);
        apply(traffic, 150, redis, rules, null);
        flushingInto(new PostgresCheckpoint(jdbi)).flushAll(Duration.ofSeconds(30));
        REDIS.deleteKeys();
        return rules;
    }

    /** A flusher of this test's Redis into {@code checkpoint}, 10 channels a batch. */
    private FlushChanges flushingInto(WriteCheckpoint checkpoint) {
        return new FlushChanges(new RedisChangeTracker(recovery, keys, Duration.ofSeconds(30)), checkpoint,
                Clock.systemUTC(), 10, 50_000);
    }

    private static void apply(RandomEvents traffic, int steps, RedisReadState redis, InMemoryReadState expected,
                              InMemoryReadState alsoExpected) {
        for (int step = 0; step < steps; step++) {
            List<ChannelEvent> batch = List.of(traffic.next(), traffic.next());
            assertThat(redis.record(batch)).isEqualTo(expected.record(batch));
            if (alsoExpected != null) {
                alsoExpected.record(batch);
            }
        }
    }
}
