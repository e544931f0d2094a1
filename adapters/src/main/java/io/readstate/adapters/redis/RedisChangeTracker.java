package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.MemberRecord;
import io.readstate.domain.model.durable.MessageRecord;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.TrackChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RMapAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The dirty entries the channel script records on every change, claimed under a lease
 * by this flusher (one id per instance), taken, and released once written. Each shard
 * keeps its own index of dirty channels (see {@link RedisKeys}); the flusher drains them all.
 */
public final class RedisChangeTracker implements TrackChanges {

    private static final int CHANNELS_PER_BATCH = 100;
    /**
     * The most channels one script call counts, takes or releases ('each'). With a call per
     * channel, the flusher's calls outnumbered the requests' (at 25,000 events/s through
     * /v1/events over 600 channels: 2,322 script calls a second in all, 893 to 938 with
     * 'each'), each setting up the whole script again.
     */
    static final int CHANNELS_PER_CALL = 25;
    /**
     * The most dirty entries one pipelined batch of takes asks for. Its replies are decoded
     * on Redisson's event-loop threads, which the requests' replies share: with batches of
     * 10,000 entries, messages to 10,000-member channels at 4,000 to 8,000 a second had p99s of
     * 106 to 252 ms; with batches of 2,000, 42 to 108 ms (two runs each, flushing every second).
     */
    private static final long ENTRIES_PER_REDIS_BATCH = 2_000;
    private static final List<Integer> ALL_SHARDS = IntStream.range(0, RedisKeys.SHARDS).boxed().toList();

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final Duration lease;
    private final String flusherId = UUID.randomUUID().toString();

    /** A tracker for a Redis with nothing behind it (tests of the bookkeeping alone). */
    public RedisChangeTracker(RedissonClient redisson, RedisKeys keys, Duration lease) {
        this(RedisRecovery.standalone(redisson, keys, true), keys, lease);
    }

    public RedisChangeTracker(RedisRecovery recovery, RedisKeys keys, Duration lease) {
        this.scripts = recovery.scripts();
        this.keys = keys;
        this.lease = lease;
    }

    /**
     * Claims up to {@code max} dirty channels over all shards, the oldest of each shard
     * first: every shard with dirty channels gets an even share, in rounds, while shards
     * that filled their share may hold more. The shards are visited from a random one, so
     * that several flushers spread over them. The claim is complete when it holds fewer
     * than {@code max} channels (every shard was emptied of claimable ones) and no other
     * flusher's lease held a dirty channel.
     */
    @Override
    public Claim claim(int max) {
        List<Integer> candidates = shardsWithDirtyChannels();
        Collections.rotate(candidates, ThreadLocalRandom.current().nextInt(RedisKeys.SHARDS));
        Set<ChannelId> claimed = new LinkedHashSet<>();  // a lease shorter than a round may let a channel come twice
        long heldByOthers = 0;
        while (claimed.size() < max && !candidates.isEmpty()) {
            int room = max - claimed.size();
            List<Integer> round = candidates.subList(0, Math.min(room, candidates.size()));
            int share = room / round.size();
            List<List<Object>> replies = scripts.onShards(keys, round,
                    List.of("claim", flusherId, Integer.toString(share), Long.toString(lease.toMillis())));
            List<Integer> mayHoldMore = new ArrayList<>();
            for (int i = 0; i < round.size(); i++) {
                List<Object> reply = replies.get(i);
                heldByOthers += asLong(reply.get(0));
                reply.subList(1, reply.size()).forEach(id -> claimed.add(ChannelId.of((String) id)));
                if (reply.size() - 1 == share) {
                    mayHoldMore.add(round.get(i));
                }
            }
            mayHoldMore.addAll(candidates.subList(round.size(), candidates.size()));
            candidates = mayHoldMore;
        }
        return new Claim(List.copyOf(claimed), claimed.size() < max && heldByOthers == 0);
    }

    /**
     * The shards whose index holds a dirty channel. A shard that lost its state has an empty
     * index: the loss is noticed here (a new epoch begun, reported against the checkpoint
     * before it) and only then is the index read again.
     */
    private List<Integer> shardsWithDirtyChannels() {
        List<List<Object>> counts = scripts.onShards(keys, ALL_SHARDS, List.of("dirty"));
        List<Integer> shards = new ArrayList<>();
        for (int shard = 0; shard < counts.size(); shard++) {
            if (asLong(counts.get(shard).get(0)) > 0) {
                shards.add(shard);
            }
        }
        return shards;
    }

    /**
     * Takes the claimed channels' entries in pipelined batches of at most
     * {@link #ENTRIES_PER_REDIS_BATCH} entries (and {@link #CHANNELS_PER_BATCH} channels),
     * each channel's pending entries counted first:
     * Redisson decodes a batch's replies in time that grows with the square of their size (a
     * backlog of 500,000 entries taken in one batch timed out after 20 s). A channel with more
     * entries than that is taken in part, and so are channels past {@code maxEntries}; the
     * claimed channels left out are given up, their entries kept for the next batch.
     */
    @Override
    public List<ChannelChanges> takeChanges(List<ChannelId> claimed, long maxEntries) {
        List<List<Object>> counts = onEach(claimed, List.of("pending"));
        List<List<ChannelId>> batches = new ArrayList<>();
        List<ChannelId> batch = new ArrayList<>();
        List<ChannelId> leftOut = new ArrayList<>();
        long inBatch = 0;
        long planned = 0;
        for (int i = 0; i < claimed.size(); i++) {
            long pending = Math.min(Math.max(1, asLong(counts.get(i).get(0))), ENTRIES_PER_REDIS_BATCH);
            if (planned >= maxEntries) {
                leftOut.add(claimed.get(i));
                continue;
            }
            boolean full = inBatch + pending > ENTRIES_PER_REDIS_BATCH || batch.size() == CHANNELS_PER_BATCH;
            if (full && !batch.isEmpty()) {
                batches.add(batch);
                batch = new ArrayList<>();
                inBatch = 0;
            }
            batch.add(claimed.get(i));
            inBatch += pending;
            planned += pending;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        abandon(leftOut);
        String most = Long.toString(Math.min(maxEntries, ENTRIES_PER_REDIS_BATCH));
        List<ChannelChanges> changes = new ArrayList<>(claimed.size());
        for (List<ChannelId> channels : batches) {
            List<List<Object>> replies = inOneBatch(channels, List.of("take", flusherId, most));
            for (int i = 0; i < channels.size(); i++) {
                List<Object> reply = replies.get(i);
                if (asLong(reply.get(0)) == 1) {
                    changes.add(parse(channels.get(i), reply));
                }
            }
        }
        return changes;
    }

    @Override
    public void release(List<ChannelId> claimed) {
        onEach(claimed, List.of("release", flusherId));
    }

    @Override
    public void abandon(List<ChannelId> claimed) {
        onEach(claimed, List.of("abandon", flusherId));
    }

    @Override
    public void noteFlush(Instant at, long rowsWritten) {
        scripts.reachable(() -> {
            RBatch batch = scripts.newBatch();
            RMapAsync<String, String> stats = batch.getMap(keys.flushStats(), StringCodec.INSTANCE);
            stats.putAllAsync(Map.of("lastFlushAt", Long.toString(at.toEpochMilli()),
                    "lastFlushRows", Long.toString(rowsWritten)));
            stats.addAndGetAsync("flushedRowsTotal", rowsWritten);
            return batch.execute();
        });
    }

    /** Whether the channel has changes not yet written to PostgreSQL. */
    public boolean isPending(ChannelId channel) {
        return scripts.reachable(() -> scripts.redisson()
                .getScoredSortedSet(keys.dirtyIndex(RedisKeys.shardOf(channel)), StringCodec.INSTANCE)
                .contains(channel.value()));
    }

    /** The sum over all shards; the lag is the oldest shard's. */
    @Override
    public SyncStatus status() {
        long backlog = 0;
        long dirtyChannels = 0;
        long lagMillis = 0;
        for (List<Object> shard : scripts.onShards(keys, ALL_SHARDS, List.of("status"))) {
            backlog += asLong(shard.get(0));
            dirtyChannels += asLong(shard.get(1));
            lagMillis = Math.max(lagMillis, asLong(shard.get(2)));
        }
        Map<String, String> stats = scripts.reachable(() -> scripts.redisson()
                .<String, String>getMap(keys.flushStats(), StringCodec.INSTANCE).readAllMap());
        String lastFlushAt = stats.get("lastFlushAt");
        return new SyncStatus(backlog, dirtyChannels, Duration.ofMillis(lagMillis),
                lastFlushAt == null ? null : Instant.ofEpochMilli(Long.parseLong(lastFlushAt)),
                Long.parseLong(stats.getOrDefault("lastFlushRows", "0")),
                Long.parseLong(stats.getOrDefault("flushedRowsTotal", "0")));
    }

    /** Runs the channel script with {@code args} on each channel, {@link #CHANNELS_PER_BATCH} channels a batch. */
    private List<List<Object>> onEach(List<ChannelId> channels, List<Object> args) {
        List<List<Object>> replies = new ArrayList<>(channels.size());
        for (int from = 0; from < channels.size(); from += CHANNELS_PER_BATCH) {
            replies.addAll(inOneBatch(channels.subList(from, Math.min(channels.size(), from + CHANNELS_PER_BATCH)),
                    args));
        }
        return replies;
    }

    /**
     * Runs the operation {@code args} names on each of {@code channels}, as one pipelined
     * batch of calls each covering up to {@link #CHANNELS_PER_CALL} channels (of one shard
     * on a cluster); the replies in the order of {@code channels}.
     */
    @SuppressWarnings("unchecked")
    private List<List<Object>> inOneBatch(List<ChannelId> channels, List<Object> args) {
        List<List<ChannelId>> calls = scripts.inCalls(channels, CHANNELS_PER_CALL);
        List<Object> eachArgs = new ArrayList<>(args.size() + 1);
        eachArgs.add("each");
        eachArgs.addAll(args);
        return scripts.reachable(() -> {
            RBatch batch = scripts.newBackgroundBatch();
            List<RFuture<List<Object>>> futures = new ArrayList<>(calls.size());
            for (List<ChannelId> call : calls) {
                List<Object> callKeys = keys.channelMetas(call);
                futures.add(scripts.onChannel(batch, callKeys, eachArgs));
            }
            batch.execute();
            Map<ChannelId, List<Object>> replies = new HashMap<>();
            for (int k = 0; k < calls.size(); k++) {
                List<Object> reply = futures.get(k).toCompletableFuture().join();
                for (int i = 0; i < calls.get(k).size(); i++) {
                    replies.put(calls.get(k).get(i), (List<Object>) reply.get(i));
                }
            }
            return channels.stream().map(replies::get).toList();
        });
    }

    /** Reads the reply of 'take' (see flush.lua for its layout). */
    private static ChannelChanges parse(ChannelId channel, List<Object> reply) {
        String lastMessageAt = (String) reply.get(2);
        ChannelHead head = new ChannelHead(asLong(reply.get(1)),
                lastMessageAt.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(lastMessageAt)),
                asLong(reply.get(3)), asLong(reply.get(5)), asLong(reply.get(4)));
        List<MemberRecord> members = new ArrayList<>();
        List<MessageRecord> messages = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        int i = 8;
        while (i < reply.size()) {
            String kind = (String) reply.get(i);
            String id = (String) reply.get(i + 1);
            switch (kind) {
                case "m" -> {  // the member's entry: lastReadSeq|lastReadAtMillis|generation
                    String[] entry = ((String) reply.get(i + 2)).split("\\|");
                    members.add(new MemberRecord(UserId.of(id), true, Long.parseLong(entry[0]),
                            Instant.ofEpochMilli(Long.parseLong(entry[1])), Long.parseLong(entry[2])));
                    i += 3;
                }
                case "l" -> {
                    members.add(new MemberRecord(UserId.of(id), false, 0, null, asLong(reply.get(i + 2))));
                    i += 3;
                }
                case "n" -> {
                    int mentionCount = (int) asLong(reply.get(i + 3));
                    List<MessageRecord.Mention> mentions = new ArrayList<>(mentionCount);
                    for (int m = 0; m < mentionCount; m++) {
                        mentions.add(new MessageRecord.Mention(UserId.of((String) reply.get(i + 4 + 2 * m)),
                                asLong(reply.get(i + 5 + 2 * m))));
                    }
                    messages.add(new MessageRecord(Long.parseLong(id), "1".equals(reply.get(i + 2)), mentions));
                    i += 4 + 2 * mentionCount;
                }
                case "d" -> {
                    deleted.add(Long.parseLong(id));
                    i += 2;
                }
                default -> throw new IllegalStateException("unknown record '" + kind + "' from the take script");
            }
        }
        boolean complete = asLong(reply.get(7)) == 0;
        return new ChannelChanges(channel, head, members, messages, deleted, asLong(reply.get(6)), complete);
    }

    static long asLong(Object value) {
        return value instanceof Long number ? number : Long.parseLong((String) value);
    }
}
