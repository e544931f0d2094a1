package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.model.durable.MemberRecord;
import io.readstate.domain.model.durable.MessageRecord;
import io.readstate.domain.port.RestoreHotState;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Rebuilds a channel in Redis from its durable image, in one script run (atomic for
 * the channel), with the members' channel lists updated in the same round trip. While
 * Redis recovers from a loss, a channel rebuilt already is left as it is.
 */
public final class RedisHotStateRestorer implements RestoreHotState {

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final boolean trackChanges;

    /** A restorer for a Redis with nothing behind it (a lost state starts afresh). */
    public RedisHotStateRestorer(RedissonClient redisson, RedisKeys keys, boolean trackChanges) {
        this(RedisRecovery.standalone(redisson, keys, trackChanges).scripts(), keys, trackChanges);
    }

    /** A restorer that lets {@code recovery} handle a Redis that lost its state. */
    public RedisHotStateRestorer(RedisRecovery recovery, RedisKeys keys, boolean trackChanges) {
        this(recovery.scripts(), keys, trackChanges);
    }

    RedisHotStateRestorer(RedisScripts scripts, RedisKeys keys, boolean trackChanges) {
        this.scripts = scripts;
        this.keys = keys;
        this.trackChanges = trackChanges;
    }

    /** Marks a channel the durable store does not know as rebuilt: it starts empty. */
    void markRebuilt(ChannelId channel) {
        List<Object> args = List.of("restore", "", "", "", "", "0", "0");
        scripts.onChannel(keys.channel(channel, trackChanges), args);
    }

    @Override
    public boolean restore(ChannelImage image) {
        ChannelId channel = image.channelId();
        List<Object> args = new ArrayList<>();
        args.add("restore");
        args.add(SeqText.of(image.head().headSeq()));
        args.add(image.head().lastMessageAt() == null ? "" : Long.toString(image.head().lastMessageAt().toEpochMilli()));
        args.add(SeqText.of(image.head().windowFloor()));
        args.add(Long.toString(image.head().generation()));
        args.add(Integer.toString(image.members().size()));
        for (MemberRecord member : image.members()) {
            args.add(member.userId().value());
            args.add(SeqText.of(member.lastReadSeq()));
            args.add(Long.toString(member.lastReadAt().toEpochMilli()));
            args.add(Long.toString(member.generation()));
        }
        args.add(Integer.toString(image.window().size()));
        for (MessageRecord message : image.window()) {
            args.add(SeqText.of(message.seq()));
            args.add(message.mentionAll() ? "1" : "0");
            args.add(Integer.toString(message.mentions().size()));
            message.mentions().forEach(mention -> args.add(mention.userId().value()));
        }
        List<Object> channelKeys = keys.channel(channel, trackChanges);
        return scripts.reachable(() -> {
            RBatch batch = scripts.newBatch();
            for (MemberRecord member : image.members()) {
                batch.getSet(keys.userChannels(member.userId()), StringCodec.INSTANCE).addAsync(channel.value());
            }
            RFuture<List<Object>> reply = scripts.onChannel(batch, channelKeys, args);
            batch.execute();
            return RedisChangeTracker.asLong(reply.toCompletableFuture().join().get(0)) > 0;
        });
    }
}
