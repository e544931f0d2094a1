package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.MemberRecord;
import io.readstate.domain.model.durable.MessageRecord;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.TrackChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The dirty entries the channel script records on every change, claimed under a lease
 * by this flusher (one id per instance), taken, and released once written.
 */
public final class RedisChangeTracker implements TrackChanges {

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

    @Override
    public List<ChannelId> claim(int max) {
        List<Object> claimed = scripts.onDirtyIndex(keys.dirtyIndexKeys(),
                List.of("claim", flusherId, Integer.toString(max), Long.toString(lease.toMillis())));
        return claimed.stream().map(id -> ChannelId.of((String) id)).toList();
    }

    @Override
    public List<ChannelChanges> takeChanges(List<ChannelId> claimed) {
        List<List<Object>> replies = onEach(claimed, "take");
        List<ChannelChanges> changes = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            List<Object> reply = replies.get(i);
            if (asLong(reply.get(0)) == 1) {
                changes.add(parse(claimed.get(i), reply));
            }
        }
        return changes;
    }

    @Override
    public void release(List<ChannelId> claimed) {
        onEach(claimed, "release");
    }

    @Override
    public void abandon(List<ChannelId> claimed) {
        onEach(claimed, "abandon");
    }

    @Override
    public void noteFlush(Instant at, long rowsWritten) {
        scripts.onDirtyIndex(keys.dirtyIndexKeys(),
                List.of("note_flush", Long.toString(at.toEpochMilli()), Long.toString(rowsWritten)));
    }

    /** Whether the channel has changes not yet written to PostgreSQL. */
    public boolean isPending(ChannelId channel) {
        return scripts.reachable(() -> scripts.redisson().getScoredSortedSet(keys.dirtyIndex(), StringCodec.INSTANCE)
                .contains(channel.value()));
    }

    @Override
    public SyncStatus status() {
        List<Object> reply = scripts.onDirtyIndex(keys.dirtyIndexKeys(), List.of("status"));
        String lastFlushAt = (String) reply.get(3);
        return new SyncStatus(asLong(reply.get(0)), asLong(reply.get(1)), Duration.ofMillis(asLong(reply.get(2))),
                lastFlushAt.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(lastFlushAt)),
                asLong(reply.get(4)), asLong(reply.get(5)));
    }

    private List<List<Object>> onEach(List<ChannelId> channels, String operation) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return scripts.reachable(() -> {
            RBatch batch = scripts.newBatch();
            List<RFuture<List<Object>>> futures = new ArrayList<>(channels.size());
            for (ChannelId channel : channels) {
                futures.add(scripts.onChannel(batch, keys.channelMeta(channel), keys.trackedChannel(channel),
                        List.of(operation, flusherId)));
            }
            batch.execute();
            return futures.stream().map(f -> f.toCompletableFuture().join()).toList();
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
        int i = 7;
        while (i < reply.size()) {
            String kind = (String) reply.get(i);
            String id = (String) reply.get(i + 1);
            switch (kind) {
                case "m" -> {
                    boolean present = "1".equals(reply.get(i + 2));
                    members.add(new MemberRecord(UserId.of(id), present, present ? asLong(reply.get(i + 3)) : 0,
                            present ? Instant.ofEpochMilli(asLong(reply.get(i + 4))) : null, asLong(reply.get(i + 5))));
                    i += 6;
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
        return new ChannelChanges(channel, head, members, messages, deleted, asLong(reply.get(6)));
    }

    static long asLong(Object value) {
        return value instanceof Long number ? number : Long.parseLong((String) value);
    }
}
