package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;

/**
 * Long random event sequences applied to Redis and to the reference rules give the same
 * outcomes (in full, or brief as batches of events answer) and the same state, event by
 * event, singly and in pipelined batches.
 */
class RedisMatchesTheRulesTest {

    private static final int WINDOW = 6;

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void every_outcome_and_every_count_equals_the_rules(long seed) {
        RandomEvents traffic = new RandomEvents(seed, 3, 6);
        RedisReadState redis = new RedisReadState(redisson, new RedisKeys(prefix), WINDOW);
        InMemoryReadState rules = new InMemoryReadState(WINDOW);

        for (int step = 0; step < 400; step++) {
            List<ChannelEvent> batch = new ArrayList<>();
            for (int i = step % 5 == 0 ? 7 : 1; i > 0; i--) {
                batch.add(traffic.next());
            }
            if (step % 2 == 0) {
                assertThat(redis.record(batch)).as("seed %d step %d: %s", seed, step, batch)
                        .isEqualTo(rules.record(batch));
            } else {
                assertThat(redis.recordBriefly(batch)).as("seed %d step %d, briefly: %s", seed, step, batch)
                        .isEqualTo(rules.record(batch).stream().map(Outcome::brief).toList());
            }
            if (step % 3 == 0) {
                SameState.assertSameState(traffic, redis, rules, "seed " + seed + " step " + step);
            }
        }
    }

    /** Every batch here is a run of one channel's events (several script runs past ChannelRun.MAX_EVENTS). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void runs_of_one_channel_give_the_outcomes_of_events_sent_alone(long seed) {
        RandomEvents traffic = new RandomEvents(seed, 1, 6);
        RedisReadState redis = new RedisReadState(redisson, new RedisKeys(prefix), WINDOW, true);
        InMemoryReadState rules = new InMemoryReadState(WINDOW);

        for (int step = 0; step < 40; step++) {
            List<ChannelEvent> batch = new ArrayList<>();
            for (int i = step % 4 == 0 ? 150 : 1 + step % 9; i > 0; i--) {
                batch.add(traffic.next());
            }
            assertThat(redis.record(batch)).as("seed %d step %d: %s", seed, step, batch).isEqualTo(rules.record(batch));
            SameState.assertSameState(traffic, redis, rules, "seed " + seed + " step " + step);
        }
    }
}
