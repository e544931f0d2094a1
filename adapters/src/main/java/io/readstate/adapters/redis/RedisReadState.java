package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import io.readstate.domain.port.RecordChannelEvents;
import io.readstate.domain.port.StoreUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The read state in Redis. Consecutive events of one channel are one run of the channel
 * script, atomic for the channel ({@link ChannelRun}); runs of several channels share a
 * script call ({@link ChannelCall}); a list of events goes out as one pipelined batch, in
 * order. The per-user index of channels (in the user's shard) is written beside the
 * script: before it on a join and after it on a leave, so that it may name a channel the
 * user has left, never miss one it is a member of.
 */
public final class RedisReadState implements RecordChannelEvents, LoadReadState {

    private static final long NOT_REBUILT = -100;
    private static final long STATE_LOST = -200;
    private static final int REBUILD_ROUNDS = 3;
    /** The most calls one pipelined batch carries (see {@link #addToUserChannels}). */
    private static final int CALLS_PER_BATCH = 500;
    /** Channels per script call of a user's state in several channels (one key each: its meta key). */
    private static final int CHANNELS_PER_QUERY = 50;

    private final RedisRecovery recovery;
    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final int windowSize;
    private final boolean trackChanges;

    /** The read state alone, as in the mode cache-only. */
    public RedisReadState(RedissonClient redisson, RedisKeys keys, int windowSize) {
        this(redisson, keys, windowSize, false);
    }

    /**
     * @param trackChanges whether every change is also recorded as dirty, for the
     *                     write-behind flusher to carry to PostgreSQL
     */
    public RedisReadState(RedissonClient redisson, RedisKeys keys, int windowSize, boolean trackChanges) {
        this(RedisRecovery.standalone(redisson, keys, trackChanges), keys, windowSize, trackChanges);
    }

    /** The read state, rebuilt by {@code recovery} from PostgreSQL channel by channel after Redis lost it. */
    public RedisReadState(RedisRecovery recovery, RedisKeys keys, int windowSize, boolean trackChanges) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("the window must hold at least one message");
        }
        this.recovery = recovery;
        this.scripts = recovery.scripts();
        this.keys = keys;
        this.windowSize = windowSize;
        this.trackChanges = trackChanges;
    }

    /**
     * Sends the events, in order (see {@link #send}). Events on a channel that must first be
     * rebuilt from PostgreSQL (after Redis lost its state) change nothing; the channel is
     * rebuilt and they are sent again, in order. So do events on a shard that lost its state
     * (no epoch key): a new epoch is begun first.
     */
    @Override
    public List<Outcome> record(List<ChannelEvent> events) {
        return record(events, false);
    }

    /**
     * As {@link #record}; a read's script then leaves out the member's state (4 of its 12 Redis
     * commands), a message's its recipients (1 of about 12).
     */
    @Override
    public List<Outcome> recordBriefly(List<ChannelEvent> events) {
        return record(events, true);
    }

    private List<Outcome> record(List<ChannelEvent> events, boolean brief) {
        Outcome[] outcomes = new Outcome[events.size()];
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            waiting.add(i);
        }
        for (int round = 0; round < REBUILD_ROUNDS && !waiting.isEmpty(); round++) {
            List<Integer> sent = waiting;
            List<List<Object>> replies = send(sent.stream().map(events::get).toList(), brief);
            Set<ChannelId> toRebuild = new LinkedHashSet<>();
            boolean stateLost = false;
            waiting = new ArrayList<>();
            for (int k = 0; k < sent.size(); k++) {
                ChannelEvent event = events.get(sent.get(k));
                long status = (Long) replies.get(k).get(0);
                if (status == NOT_REBUILT || status == STATE_LOST) {
                    stateLost |= status == STATE_LOST;
                    toRebuild.add(event.channelId());
                    waiting.add(sent.get(k));
                } else {
                    outcomes[sent.get(k)] = ChannelEventCodec.outcome(event, replies.get(k));
                }
            }
            if (stateLost) {
                recovery.beginEpochIfMissing();
            } else {
                toRebuild.forEach(recovery::rebuild);
            }
        }
        if (!waiting.isEmpty()) {
            throw new StoreUnavailable("Redis is being rebuilt from PostgreSQL; try again", null);
        }
        return List.of(outcomes);
    }

    /**
     * Sends the events, in order, and returns each event's reply. Runs of events that need
     * no change to users' channel lists (messages, reads, deletions) go together, several
     * channels per script call ({@link ChannelCall}); a single such call is sent plainly, and
     * so is a bulk join once its users' lists are written; anything else goes out as one
     * pipelined batch.
     */
    private List<List<Object>> send(List<ChannelEvent> events, boolean brief) {
        List<ChannelRun> runs = ChannelRun.split(events);
        if (runs.size() == 1 && runs.get(0).events().get(0) instanceof MembersJoined bulk) {
            addToUserChannels(bulk.channelId(), bulk.userIds());
            return sendAlone(new ChannelCall(runs), brief);
        }
        List<ChannelCall> calls = ChannelCall.plan(runs, scripts.onCluster());
        if (calls.size() == 1 && !calls.get(0).first().touchesUserChannels()) {
            return sendAlone(calls.get(0), brief);
        }
        List<Function<RBatch, CompletionStage<List<Object>>>> queued = new ArrayList<>(calls.size());
        for (ChannelCall call : calls) {
            queued.add(batch -> enqueue(batch, call, brief));
        }
        List<List<Object>> replies = scripts.inBatch(queued);
        Map<ChannelRun, List<List<Object>>> byRun = new IdentityHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).collectReplies(replies.get(i), byRun);
        }
        return ChannelCall.inOrder(runs, byRun);
    }

    private List<List<Object>> sendAlone(ChannelCall call, boolean brief) {
        Map<ChannelRun, List<List<Object>>> byRun = new IdentityHashMap<>();
        call.collectReplies(scripts.onChannel(call.keys(keys, trackChanges),
                call.arguments(windowSize, brief, trackChanges)), byRun);
        return ChannelCall.inOrder(call.runs(), byRun);
    }

    /**
     * Adds the channel to the users' channel lists ahead of a bulk join, in batches of
     * {@link #CALLS_PER_BATCH}: Redisson decodes a batch's replies again from the
     * first each time more of them arrive, so one batch of 10,000 commands kept a client
     * I/O thread busy for about 0.4 s (and stalled every request using its connections).
     */
    private void addToUserChannels(ChannelId channel, List<UserId> users) {
        for (int from = 0; from < users.size(); from += CALLS_PER_BATCH) {
            List<UserId> chunk = users.subList(from, Math.min(users.size(), from + CALLS_PER_BATCH));
            scripts.reachable(() -> {
                RBatch batch = scripts.newBatch();
                chunk.forEach(user -> batch.getSet(keys.userChannels(user), StringCodec.INSTANCE).addAsync(channel.value()));
                return batch.execute();
            });
        }
    }

    /**
     * Queues one call: its script call, and for a run alone the users' channel lists beside
     * it (added before a join, removed after a leave, which always ends its run). The call
     * succeeds only if the additions did too: on a cluster they go to other nodes than the
     * script, and a join acknowledged while one of them failed (its node failing over) left
     * the user's list without the channel. A failed removal fails nothing: the list may name
     * a channel the user left.
     */
    private CompletionStage<List<Object>> enqueue(RBatch batch, ChannelCall call, boolean brief) {
        ChannelRun run = call.first();
        if (!call.alone() || !run.touchesUserChannels()) {
            return scripts.onChannel(batch, call.keys(keys, trackChanges),
                    call.arguments(windowSize, brief, trackChanges));
        }
        ChannelId channel = run.channel();
        List<CompletableFuture<Boolean>> added = new ArrayList<>();
        for (ChannelEvent event : run.events()) {
            List<UserId> joining = event instanceof MemberJoined j ? List.of(j.userId())
                    : event instanceof MembersJoined j ? j.userIds() : List.of();
            for (UserId user : joining) {
                added.add(batch.getSet(keys.userChannels(user), StringCodec.INSTANCE).addAsync(channel.value())
                        .toCompletableFuture());
            }
        }
        RFuture<List<Object>> reply = scripts.onChannel(batch, keys.channel(channel, trackChanges),
                run.arguments(windowSize, brief));
        for (ChannelEvent event : run.events()) {
            if (event instanceof MemberLeft l) {
                batch.getSet(keys.userChannels(l.userId()), StringCodec.INSTANCE).removeAsync(channel.value());
            }
        }
        return CompletableFuture.allOf(added.toArray(CompletableFuture[]::new)).thenCompose(done -> reply);
    }

    @Override
    public Optional<ChannelSummary> channel(ChannelId channelId) {
        List<Object> reply = runOne(channelId, List.of("channel"));
        if ((Long) reply.get(0) == 0) {
            return Optional.empty();
        }
        String lastMessageAt = (String) reply.get(3);
        return Optional.of(new ChannelSummary(channelId, SeqText.parse(reply.get(1)), (Long) reply.get(2),
                lastMessageAt.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(lastMessageAt))));
    }

    @Override
    public Optional<MemberState> member(ChannelId channelId, UserId userId) {
        List<Object> reply = runOne(channelId, List.of("member", userId.value()));
        return (Long) reply.get(0) < 0 ? Optional.empty() : Optional.of(ChannelEventCodec.memberState(channelId, userId, reply));
    }

    /**
     * Every membership. The user's list of channels lives in the user's shard; while that
     * shard is rebuilt (its node lost its state), PostgreSQL also names the user's channels.
     * A channel's own shard being rebuilt needs nothing here: the list still names it, and
     * reading the member rebuilds it.
     */
    @Override
    public List<MemberState> memberships(UserId userId) {
        List<Object> reply = scripts.onShard(keys.userShardKeys(userId), List.of("channels_of"));
        Set<ChannelId> channels = new LinkedHashSet<>(reply.size());
        for (Object channel : reply.subList(1, reply.size())) {
            channels.add(ChannelId.of((String) channel));
        }
        if (RedisChangeTracker.asLong(reply.get(0)) == 1) {
            channels.addAll(recovery.durableChannelsOf(userId));
        }
        return members(List.copyOf(channels), userId);
    }

    /**
     * The user's state in each of {@code channels}: {@link #CHANNELS_PER_QUERY} channels a
     * script call ('members'; on a cluster, channels of one shard), the calls in pipelined
     * batches of up to {@link #CALLS_PER_BATCH}. One call per channel cost Redis and the
     * client a call's overhead per channel, which made unread queries, 5% of a chat-like mix
     * one request per event, 27% of Redis's command time. A channel that must first be rebuilt
     * is asked again alone, once rebuilt.
     */
    @SuppressWarnings("unchecked")
    private List<MemberState> members(List<ChannelId> channels, UserId userId) {
        List<List<ChannelId>> groups = scripts.inCalls(channels, CHANNELS_PER_QUERY);
        List<MemberState> states = new ArrayList<>(channels.size());
        for (int from = 0; from < groups.size(); from += CALLS_PER_BATCH) {
            List<List<ChannelId>> chunk = groups.subList(from, Math.min(groups.size(), from + CALLS_PER_BATCH));
            List<Function<RBatch, CompletionStage<List<Object>>>> calls = new ArrayList<>(chunk.size());
            for (List<ChannelId> group : chunk) {
                List<Object> groupKeys = keys.channelMetas(group);
                calls.add(batch -> scripts.onChannel(batch, groupKeys,
                        List.of("members", userId.value())));
            }
            List<List<Object>> replies = scripts.inBatch(calls);
            for (int g = 0; g < chunk.size(); g++) {
                List<ChannelId> group = chunk.get(g);
                for (int i = 0; i < group.size(); i++) {
                    List<Object> reply = (List<Object>) replies.get(g).get(i);
                    long status = (Long) reply.get(0);
                    if (status == NOT_REBUILT) {
                        member(group.get(i), userId).ifPresent(states::add);
                    } else if (status >= 0) {
                        states.add(ChannelEventCodec.memberState(group.get(i), userId, reply));
                    }
                }
            }
        }
        return states;
    }

    @Override
    public Optional<Readers> readers(ChannelId channelId, long seq) {
        List<Object> reply = runOne(channelId, List.of("readers", SeqText.of(seq)));
        if ((Long) reply.get(0) == 0) {
            return Optional.empty();
        }
        List<UserId> readers = new ArrayList<>(reply.size() - 2);
        for (Object entry : reply.subList(2, reply.size())) {
            readers.add(UserId.of(((String) entry).substring(20)));
        }
        return Optional.of(new Readers((Long) reply.get(1), readers));
    }

    /** Runs one query on a channel, rebuilding the channel first when Redis lost it. */
    private List<Object> runOne(ChannelId channel, List<Object> args) {
        List<Object> reply = scripts.onChannel(keys.channel(channel), args);
        for (int round = 0; round < REBUILD_ROUNDS && (Long) reply.get(0) == NOT_REBUILT; round++) {
            recovery.rebuild(channel);
            reply = scripts.onChannel(keys.channel(channel), args);
        }
        if ((Long) reply.get(0) == NOT_REBUILT) {
            throw new StoreUnavailable("Redis is being rebuilt from PostgreSQL; try again", null);
        }
        return reply;
    }
}
