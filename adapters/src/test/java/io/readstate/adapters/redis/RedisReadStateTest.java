package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.StoreUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

class RedisReadStateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");
    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    /** Indexes in RedisKeys.trackedChannel: the KEYS of lua/common.lua, from 0. */
    private static final int DIRTY = 9;
    private static final int DIRTY_SINCE = 10;

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();
    private final String prefix = REDIS.uniquePrefix();
    private RedisReadState store;

    private RedisReadState newStore(int window) {
        return new RedisReadState(redisson, new RedisKeys(prefix), window);
    }

    private Outcome record(ChannelEvent event) {
        return store.record(List.of(event)).get(0);
    }

    private static MessagePosted message(long seq, UserId sender, UserId... mentions) {
        return new MessagePosted(GENERAL, seq, sender, NOW, Set.of(mentions), false);
    }

    private MemberState stateOf(UserId user) {
        return store.member(GENERAL, user).orElseThrow();
    }

    @Test
    void a_member_counts_the_messages_after_its_read_position_and_its_mentions() {
        store = newStore(100);
        record(new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), NOW));
        record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW));

        Outcome posted = record(message(1, ALICE, BOB));
        record(message(5, ALICE));

        assertThat(posted).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, true, 1, 1));
        assertThat(stateOf(BOB)).isEqualTo(new MemberState(GENERAL, BOB, 2, false, 1, 0, NOW, 5));
        assertThat(stateOf(ALICE).unread()).isZero();
        assertThat(stateOf(ALICE).lastReadSeq()).isEqualTo(5);
    }

    /** A user's memberships are asked 50 channels a call (of one shard on a cluster): 130 take several calls. */
    @Test
    void a_user_in_many_channels_gets_each_channels_own_state() {
        store = newStore(100);
        List<ChannelId> channels = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            ChannelId channel = ChannelId.of("many-" + i);
            channels.add(channel);
            store.record(List.of(new MemberJoined(channel, BOB, OptionalLong.empty(), NOW),
                    new MessagePosted(channel, 1, ALICE, NOW, i % 3 == 0 ? Set.of(BOB) : Set.of(), false),
                    new MessagePosted(channel, 1L + i, ALICE, NOW, Set.of(), false)));
        }

        List<MemberState> memberships = store.memberships(BOB);

        assertThat(memberships).hasSize(130);
        for (MemberState state : memberships) {
            int i = channels.indexOf(state.channelId());
            assertThat(state).as(state.channelId().value())
                    .isEqualTo(new MemberState(state.channelId(), BOB, i == 0 ? 1 : 2, false, i % 3 == 0 ? 1 : 0, 0,
                            NOW, 1L + i));
        }
    }

    /**
     * Events on several channels go in one call that names each channel by its meta key, the
     * script naming the rest (bind_channel_named in lua/common.lua): it must name the keys the
     * layout names, write-behind's included, and no other.
     */
    @Test
    void events_on_several_channels_use_exactly_the_keys_the_layout_names() {
        RedisKeys keys = new RedisKeys(prefix);
        store = new RedisReadState(redisson, keys, 2, true);
        List<ChannelId> channels = List.of(ChannelId.of("named-1"), ChannelId.of("named-2"), ChannelId.of("named-3"));
        Set<String> named = new java.util.HashSet<>();
        for (ChannelId channel : channels) {
            store.record(List.of(new MemberJoined(channel, ALICE, OptionalLong.empty(), NOW),
                    new MemberJoined(channel, BOB, OptionalLong.empty(), NOW)));
            List<Object> channelKeys = keys.trackedChannel(channel);
            channelKeys.forEach(key -> named.add((String) key));
            // as a flush of the joins leaves it: nothing dirty, so that the events mark the channel dirty anew
            redisson.getKeys().delete((String) channelKeys.get(DIRTY), (String) channelKeys.get(DIRTY_SINCE));
            redisson.getScoredSortedSet(keys.dirtyIndex(RedisKeys.shardOf(channel)), StringCodec.INSTANCE)
                    .remove(channel.value());
        }
        for (int shard = 0; shard < RedisKeys.SHARDS; shard++) {
            keys.shardKeys(shard).forEach(key -> named.add((String) key));  // every shard's epoch
        }
        named.add(keys.userChannels(ALICE));
        named.add(keys.userChannels(BOB));

        List<ChannelEvent> events = new ArrayList<>();
        for (ChannelId channel : channels) {
            events.add(new MessagePosted(channel, 1, ALICE, NOW, Set.of(BOB), false));
            events.add(new MessagePosted(channel, 2, ALICE, NOW, Set.of(), true));
            events.add(new MessagePosted(channel, 3, ALICE, NOW, Set.of(BOB), false));
            events.add(new MessageDeleted(channel, 2));
        }
        events.add(new ChannelRead(channels.get(0), BOB, OptionalLong.of(1), NOW));
        List<Outcome> outcomes = store.record(events);

        assertThat(outcomes).hasSize(events.size());
        assertThat(redisson.getKeys().getKeysByPattern(prefix + "*")).isSubsetOf(named);
        for (ChannelId channel : channels) {
            assertThat(redisson.getScoredSortedSet(keys.dirtyIndex(RedisKeys.shardOf(channel)), StringCodec.INSTANCE)
                    .contains(channel.value())).as("%s in its shard's dirty index", channel).isTrue();
        }
        // a window of 2: message 1 trimmed (the floor), 2 deleted; 3 mentions bob
        assertThat(store.member(channels.get(0), BOB).orElseThrow())
                .isEqualTo(new MemberState(channels.get(0), BOB, 1, false, 1, 1, NOW, 3));
        assertThat(store.member(channels.get(2), BOB).orElseThrow())
                .isEqualTo(new MemberState(channels.get(2), BOB, 1, true, 1, 0, NOW, 3));
    }

    @Test
    void seqs_near_the_top_of_the_range_stay_exact() {
        store = newStore(100);
        long big = (1L << 53) + 1;
        record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW));
        record(message(big, ALICE));
        record(message(big + 1, ALICE));
        record(message(Long.MAX_VALUE, ALICE));

        assertThat(stateOf(BOB).unread()).isEqualTo(3);
        record(new ChannelRead(GENERAL, BOB, OptionalLong.of(big), NOW));
        assertThat(stateOf(BOB)).extracting(MemberState::unread, MemberState::lastReadSeq, MemberState::headSeq)
                .containsExactly(2L, big, Long.MAX_VALUE);
        assertThat(store.readers(GENERAL, big + 1).orElseThrow().userIds()).isEmpty();
        assertThat(store.readers(GENERAL, big).orElseThrow().userIds()).containsExactly(BOB);
    }

    @Test
    void a_flushed_script_cache_or_function_library_is_loaded_again_and_the_event_applied_once() {
        store = newStore(100);
        record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW));
        redisson.getScript().scriptFlush();
        if (LuaScript.functionsSupported(redisson)) {
            redisson.getFunction().flush();
        }

        Outcome posted = record(message(1, ALICE));

        assertThat(posted.applied()).isTrue();
        assertThat(stateOf(BOB).unread()).isEqualTo(1);
    }

    @Test
    void leaving_forgets_the_member_and_a_bulk_join_counts_who_was_new() {
        store = newStore(100);
        record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW));
        record(message(1, ALICE, BOB));
        assertThat(record(new MemberLeft(GENERAL, BOB))).isEqualTo(new Outcome.Left());
        assertThat(record(new MemberLeft(GENERAL, BOB))).isEqualTo(new Outcome.NotAMember(GENERAL, BOB));

        Outcome bulk = record(new MembersJoined(GENERAL, List.of(BOB, CAROL, BOB), NOW));

        assertThat(bulk).isEqualTo(new Outcome.MembersAdded(2, 1));
        assertThat(stateOf(BOB).mentions()).isZero();
        assertThat(store.memberships(BOB)).extracting(MemberState::channelId).containsExactly(GENERAL);
    }

    @Test
    void deleting_a_message_removes_it_from_every_count() {
        store = newStore(100);
        record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW));
        record(message(1, ALICE, BOB));
        record(new MessagePosted(GENERAL, 2, ALICE, NOW, Set.of(), true));

        assertThat(record(new MessageDeleted(GENERAL, 1))).isEqualTo(new Outcome.Deleted(true));
        assertThat(record(new MessageDeleted(GENERAL, 1))).isEqualTo(new Outcome.Deleted(false));

        assertThat(stateOf(BOB)).extracting(MemberState::unread, MemberState::mentions, MemberState::headSeq)
                .containsExactly(1L, 1L, 2L);
    }

    @Test
    void a_read_position_before_the_window_caps_the_unread_count() {
        store = newStore(3);
        record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW));
        for (long seq = 1; seq <= 5; seq++) {
            record(message(seq, ALICE, BOB));
        }
        assertThat(stateOf(BOB)).extracting(MemberState::unread, MemberState::unreadCapped, MemberState::mentions)
                .containsExactly(3L, true, 3L);
        record(new ChannelRead(GENERAL, BOB, OptionalLong.of(2), NOW));
        assertThat(stateOf(BOB).unreadCapped()).isFalse();
    }

    /**
     * A batch whose calls span shards can fail in part (here one shard lost its state):
     * only the calls that failed are sent again, so a bulk join that went through answers
     * what it did, not "already members" from a second run.
     */
    /**
     * A run of events on one channel ('batch') holds events alone: a flusher's 'take' among
     * them would empty the channel's dirty entries in the middle of the run.
     */
    @Test
    void a_run_of_events_refuses_a_flushers_operation() {
        RedisKeys keys = new RedisKeys(prefix);
        RedisRecovery recovery = RedisRecovery.standalone(redisson, keys, true);
        new RedisReadState(recovery, keys, 10, true).record(List.of(new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), NOW)));
        List<Object> takeInABatch = List.of("batch", "4", "read", ALICE.value(), "", "1", "3", "take", "flusher", "10");

        assertThatThrownBy(() -> recovery.scripts().onChannel(keys.trackedChannel(GENERAL), takeInABatch))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("readstate: operation take cannot run in a batch");
    }

    @Test
    void a_batch_that_failed_in_part_sends_again_only_the_calls_that_failed() {
        RedisKeys keys = new RedisKeys(prefix);
        store = newStore(10);
        ChannelId joined = ChannelId.of("joined");
        ChannelId lost = ChannelId.of("lost-0");
        for (int i = 1; RedisKeys.shardOf(lost) == RedisKeys.shardOf(joined); i++) {
            lost = ChannelId.of("lost-" + i);
        }
        record(new MemberJoined(joined, ALICE, OptionalLong.empty(), NOW));
        record(new MemberJoined(lost, ALICE, OptionalLong.empty(), NOW));
        redisson.getBucket(keys.epoch(RedisKeys.shardOf(lost)), StringCodec.INSTANCE).delete();

        List<Outcome> outcomes = store.record(List.of(new MembersJoined(joined, List.of(BOB, CAROL), NOW),
                new MessagePosted(lost, 1, ALICE, NOW, Set.of(), false)));

        assertThat(outcomes.get(0)).isEqualTo(new Outcome.MembersAdded(2, 0));
        assertThat(outcomes.get(1)).isInstanceOf(Outcome.MessageAccepted.class);
    }

    /**
     * A join is acknowledged only once the user's channel list names the channel. On a
     * cluster the list lives on another node than the channel, and a join whose list
     * addition failed there (the node failing over) was acknowledged all the same: the
     * user's unread counts then missed the channel. Here the addition fails because the
     * list's key holds a string.
     */
    @Test
    void a_join_whose_channel_list_addition_failed_is_not_acknowledged() {
        RedisKeys keys = new RedisKeys(prefix);
        store = newStore(10);
        record(new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), NOW));
        redisson.getBucket(keys.userChannels(BOB), StringCodec.INSTANCE).set("not a set");

        assertThatThrownBy(() -> record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW)))
                .isInstanceOf(StoreUnavailable.class).hasMessageContaining("WRONGTYPE");

        redisson.getBucket(keys.userChannels(BOB), StringCodec.INSTANCE).delete();
        assertThat(record(new MemberJoined(GENERAL, BOB, OptionalLong.empty(), NOW)))
                .as("sent again, as a client does after a 503: the first run had applied the join")
                .isInstanceOfSatisfying(Outcome.Joined.class, joined -> assertThat(joined.created()).isFalse());
        assertThat(store.memberships(BOB)).extracting(MemberState::channelId).containsExactly(GENERAL);
    }
}
