package io.readstate.adapters.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.adapters.redis.RedisChangeTracker;
import io.readstate.adapters.redis.RedisKeys;
import io.readstate.adapters.redis.RedisReadState;
import io.readstate.adapters.redis.TestRedisClient;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.model.durable.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * The flusher counts, takes and releases many channels per script call: each channel
 * still gets its own reply, in the order asked, and a channel whose claim is another
 * flusher's is left alone among them.
 */
class ManyChannelsPerCallTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    /** More than three calls' worth of channels (a call covers 25). */
    private static final int CHANNELS = 82;

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final RedisKeys keys = new RedisKeys(REDIS.uniquePrefix());

    /**
     * Thousands of channels, in calls of many channels each (of many shards on a single Redis):
     * each keeps its own state and its own place among the dirty channels, and the backlog, added
     * to one shard's counter per call, sums to every channel's entries.
     */
    @Test
    void thousands_of_channels_in_calls_of_many_shards_keep_their_own_state_and_backlog() {
        RedisReadState redis = new RedisReadState(redisson, keys, 1_000, true);
        int channels = 5_000;
        for (long seq = 1; seq <= 2; seq++) {
            List<ChannelEvent> events = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                ChannelId channel = ChannelId.of("named-" + i);
                events.add(new MemberJoined(channel, UserId.of("u" + i), OptionalLong.empty(), NOW));
                events.add(new MessagePosted(channel, seq * (i + 1), UserId.of("u" + i), NOW, Set.of(), false));
            }
            assertThat(redis.recordBriefly(events)).hasSize(events.size());
        }

        for (int i = 0; i < channels; i++) {
            ChannelId channel = ChannelId.of("named-" + i);
            assertThat(redis.channel(channel)).as(channel.value())
                    .contains(new ChannelSummary(channel, 2L * (i + 1), 1, NOW));
            assertThat(redis.member(channel, UserId.of("u" + i)).orElseThrow().lastReadSeq()).as(channel.value())
                    .isEqualTo(2L * (i + 1));
        }
        SyncStatus status = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30)).status();
        assertThat(status.dirtyChannels()).isEqualTo(channels);
        assertThat(status.backlog()).as("'meta', the member and two messages a channel").isEqualTo(4L * channels);
    }

    @Test
    void a_take_over_many_channels_gives_each_its_own_changes_and_skips_one_claimed_by_another_flusher() {
        RedisReadState redis = new RedisReadState(redisson, keys, 1_000, true);
        for (int i = 0; i < CHANNELS; i++) {
            ChannelId channel = ChannelId.of("many-" + i);
            List<ChannelEvent> events = new ArrayList<>();
            events.add(new MemberJoined(channel, UserId.of("u" + i), OptionalLong.empty(), NOW));
            for (long seq = 1; seq <= i + 1; seq++) {
                events.add(new MessagePosted(channel, seq, UserId.of("sender"), NOW, Set.of(), false));
            }
            redis.record(events);
        }
        RedisChangeTracker other = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        RedisChangeTracker flusher = new RedisChangeTracker(redisson, keys, Duration.ofSeconds(30));
        Claim theirs = other.claim(1);
        Claim mine = flusher.claim(1_000);
        assertThat(mine.channels()).hasSize(CHANNELS - 1).doesNotContainAnyElementsOf(theirs.channels());

        List<ChannelId> asked = new ArrayList<>(mine.channels());
        asked.add(asked.size() / 2, theirs.channels().get(0));
        List<ChannelChanges> taken = flusher.takeChanges(asked, 50_000);

        assertThat(taken).extracting(ChannelChanges::channelId).containsExactlyElementsOf(mine.channels());
        for (ChannelChanges channel : taken) {
            int messages = Integer.parseInt(channel.channelId().value().substring("many-".length())) + 1;
            assertThat(channel.head().headSeq()).as(channel.channelId().value()).isEqualTo(messages);
            assertThat(channel.newMessages()).as(channel.channelId().value()).hasSize(messages);
            assertThat(channel.members()).extracting(member -> member.userId().value())
                    .as(channel.channelId().value()).containsExactly(channel.channelId().value().replace("many-", "u"));
        }

        flusher.release(asked);
        assertThat(flusher.status().dirtyChannels()).as("only the other flusher's channel is left").isEqualTo(1);
        assertThat(other.takeChanges(theirs.channels(), 50_000)).hasSize(1);
    }
}
