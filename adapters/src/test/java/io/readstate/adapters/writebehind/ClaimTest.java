package io.readstate.adapters.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.adapters.redis.RedisChangeTracker;
import io.readstate.adapters.redis.RedisKeys;
import io.readstate.adapters.redis.RedisReadState;
import io.readstate.adapters.redis.TestRedisClient;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** A claim is complete, and may move the checkpoint, only when it took every dirty channel. */
class ClaimTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();
    private final RedisKeys keys = new RedisKeys(prefix);

    private void dirty(RedisReadState redis, int channels, long seq) {
        for (int i = 0; i < channels; i++) {
            ChannelId channel = ChannelId.of("claimed-" + i);
            redis.record(List.of(new MemberJoined(channel, UserId.of("u"), OptionalLong.empty(), NOW),
                    new MessagePosted(channel, seq, UserId.of("u"), NOW, Set.of(), false)));
        }
    }

    private static void write(RedisChangeTracker flusher, Claim claim) {
        flusher.takeChanges(claim.channels(), 50_000);
        flusher.release(claim.channels());
    }

    @Test
    void a_claim_is_complete_when_it_took_every_dirty_channel_and_no_other_flusher_held_one() {
        RedisReadState redis = new RedisReadState(redisson, keys, 10, true);
        RedisChangeTracker one = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        RedisChangeTracker other = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        dirty(redis, 5, 1);

        Claim full = one.claim(3);
        assertThat(full.channels()).hasSize(3);
        assertThat(full.complete()).as("room for no more: others may wait").isFalse();

        Claim rest = other.claim(10);
        assertThat(rest.channels()).hasSize(2);
        assertThat(rest.complete()).as("three dirty channels are held by the first flusher").isFalse();

        write(one, full);
        write(other, rest);
        Claim nothing = other.claim(10);
        assertThat(nothing.channels()).isEmpty();
        assertThat(nothing.complete()).isTrue();

        dirty(redis, 2, 2);
        Claim all = one.claim(10);
        assertThat(all.channels()).hasSize(2);
        assertThat(all.complete()).isTrue();
    }
}
