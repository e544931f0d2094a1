package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;

/**
 * Long random event sequences applied to Redis and to the reference rules give the same
 * outcomes and the same state, event by event, singly and in pipelined batches.
 */
class RedisMatchesTheRulesTest {

    private static final int WINDOW = 6;

    private static RedissonClient redisson;
    private final String prefix = TestRedis.uniquePrefix();

    @BeforeAll
    static void connect() {
        redisson = TestRedis.newClient();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @AfterEach
    void removeKeys() {
        redisson.getKeys().deleteByPattern(prefix + "*");
    }

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
            assertThat(redis.record(batch)).as("seed %d step %d: %s", seed, step, batch).isEqualTo(rules.record(batch));
            if (step % 3 == 0) {
                assertSameState(traffic, redis, rules, "seed " + seed + " step " + step);
            }
        }
    }

    static void assertSameState(RandomEvents traffic, RedisReadState redis, InMemoryReadState rules, String where) {
        for (ChannelId channel : traffic.channels()) {
            assertThat(redis.channel(channel)).as(where).isEqualTo(rules.channel(channel));
            for (UserId user : traffic.users()) {
                assertThat(redis.member(channel, user)).as(where).isEqualTo(rules.member(channel, user));
            }
            for (long seq = 1; seq < 40; seq += 6) {
                assertThat(sortedReaders(redis.readers(channel, seq))).as(where)
                        .isEqualTo(sortedReaders(rules.readers(channel, seq)));
            }
        }
        for (UserId user : traffic.users()) {
            assertThat(sorted(redis.memberships(user))).as(where).isEqualTo(sorted(rules.memberships(user)));
        }
    }

    private static Optional<Set<UserId>> sortedReaders(Optional<io.readstate.domain.model.Readers> readers) {
        return readers.map(r -> r.userIds().stream().collect(Collectors.toSet()));
    }

    private static List<MemberState> sorted(List<MemberState> states) {
        return states.stream().sorted(Comparator.comparing(MemberState::channelId)).toList();
    }
}
