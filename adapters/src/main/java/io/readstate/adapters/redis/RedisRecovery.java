package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.port.LoadDurableState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that Redis lost its state (a restart without persistence, a failover to an
 * empty node: the epoch key is gone) and rebuilds it from PostgreSQL: each channel
 * before its first use, and all of them in the background ({@link #rebuildAll}). What
 * Redis held but had not been written to PostgreSQL is lost; the loss is reported with
 * the time of the last checkpoint.
 */
public final class RedisRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRecovery.class);
    private static final int PAGE = 500;

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final Optional<LoadDurableState> durable;
    private final RedisHotStateRestorer restorer;
    private final boolean everyChangeDurable;

    /** What the service knows of the last loss of Redis's state. */
    public record Loss(boolean recovering, Instant detectedAt, Instant checkpointAt) {
    }

    /**
     * @param durable            where to rebuild from (empty in cache-only: a loss is then only reported)
     * @param trackChanges       whether the channels keep write-behind bookkeeping
     * @param everyChangeDurable whether every change reached PostgreSQL before it was answered (write-through)
     */
    public RedisRecovery(RedissonClient redisson, RedisKeys keys, Optional<LoadDurableState> durable,
                         boolean trackChanges, boolean everyChangeDurable) {
        this.scripts = new RedisScripts(redisson, this::beginEpochIfMissing);
        this.keys = keys;
        this.durable = durable;
        this.restorer = new RedisHotStateRestorer(scripts, keys, trackChanges);
        this.everyChangeDurable = everyChangeDurable;
    }

    /** Recovery for a Redis with nothing behind it: a lost state starts afresh. */
    public static RedisRecovery standalone(RedissonClient redisson, RedisKeys keys, boolean trackChanges) {
        return new RedisRecovery(redisson, keys, Optional.empty(), trackChanges, false);
    }

    RedisScripts scripts() {
        return scripts;
    }

    /**
     * Begins an epoch when Redis has none: at the first start, or after a loss. When
     * PostgreSQL knows channels, they must be rebuilt first (recovery). Returns whether
     * this call found the state lost.
     */
    public boolean beginEpochIfMissing() {
        boolean present = scripts.reachable(() -> scripts.redisson().getBucket(keys.epoch(), StringCodec.INSTANCE).isExists());
        if (present) {
            return false;
        }
        boolean recover = durable.isPresent() && durable.get().channelCount() > 0;
        String checkpoint = !recover ? "" : everyChangeDurable ? Long.toString(System.currentTimeMillis())
                : durable.get().lastCheckpoint().map(at -> Long.toString(at.toEpochMilli())).orElse("");
        List<Object> began = scripts.onDirtyIndex(keys.dirtyIndexKeys(),
                List.of("begin_epoch", UUID.randomUUID().toString(), recover ? "1" : "0", checkpoint));
        if (RedisChangeTracker.asLong(began.get(0)) == 1) {
            if (recover) {
                LOG.warn("Redis has lost its state (no epoch key): rebuilding every channel from PostgreSQL, each before "
                        + "its first use and all in the background. Changes made after the last checkpoint ({}), if "
                        + "any, were not in PostgreSQL and are lost.", checkpoint.isEmpty() ? "none"
                        : Instant.ofEpochMilli(Long.parseLong(checkpoint)));
            } else if (durable.isEmpty()) {
                LOG.info("Redis holds no Readstate state yet (a first start, or a loss: mode cache-only keeps no copy)");
            }
        }
        return true;
    }

    /** Rebuilds one channel from PostgreSQL if it is not rebuilt yet (a channel PostgreSQL does not know starts empty). */
    public void rebuild(ChannelId channel) {
        Optional<ChannelImage> image = durable.flatMap(store -> store.load(channel));
        if (image.isPresent()) {
            restorer.restore(image.get());
        } else {
            restorer.markRebuilt(channel);
        }
    }

    /** The channels of a user that PostgreSQL knows: during recovery Redis may not know them yet. */
    public List<ChannelId> durableChannelsOf(UserId user) {
        return durable.map(store -> store.channelsOf(user)).orElse(List.of());
    }

    public Loss loss() {
        List<Object> reply = scripts.onDirtyIndex(keys.dirtyIndexKeys(), List.of("loss"));
        return new Loss(RedisChangeTracker.asLong(reply.get(0)) == 1, instant(reply.get(1)), instant(reply.get(2)));
    }

    /**
     * Rebuilds every channel not rebuilt yet, page by page, then ends the recovery.
     * Returns the channels gone through (0 when there was nothing to recover).
     */
    public long rebuildAll() {
        if (durable.isEmpty() || !loss().recovering()) {
            return 0;
        }
        long done = 0;
        long total = durable.get().channelCount();
        Optional<ChannelId> after = Optional.empty();
        List<ChannelId> page;
        do {
            page = durable.get().channelIds(after, PAGE);
            for (ChannelId channel : page) {
                rebuild(channel);
            }
            done += page.size();
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1));
                LOG.info("Rebuilding Redis from PostgreSQL: {}/{} channels", done, total);
            }
        } while (page.size() == PAGE);
        scripts.onDirtyIndex(keys.dirtyIndexKeys(), List.of("end_recovery"));
        LOG.info("Redis is rebuilt from PostgreSQL: {} channels", done);
        return done;
    }

    private static Instant instant(Object millis) {
        String text = (String) millis;
        return text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(text));
    }
}
