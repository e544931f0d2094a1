package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.model.durable.Checkpoint;
import io.readstate.domain.port.LoadDurableState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that Redis lost state (a restart without persistence, a failover to an empty
 * node: a shard's epoch key is gone; see {@link RedisKeys} for the shards) and rebuilds
 * the lost shards from PostgreSQL: each channel before its first use, and all of them in
 * the background ({@link #rebuildAll}). What those shards held but had not been written to
 * PostgreSQL is lost; the loss is reported with the time of the last checkpoint. Shards
 * on nodes that kept their data are left alone.
 */
public final class RedisRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRecovery.class);
    private static final int PAGE = 500;
    private static final List<Integer> ALL_SHARDS = IntStream.range(0, RedisKeys.SHARDS).boxed().toList();
    /** Losses noticed within this time of the newest are one event (one node, noticed by several calls). */
    private static final Duration ONE_EVENT = Duration.ofSeconds(10);

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final Optional<LoadDurableState> durable;
    private final RedisHotStateRestorer restorer;
    private final boolean everyChangeDurable;

    /**
     * What the service knows of the last loss of Redis's state: when it noticed, and the
     * checkpoint it rebuilt from. Every change acknowledged before {@code checkpointAt}
     * survived; every change acknowledged after {@code lostAfter} was lost (unless a flush
     * that took only part of the backlog wrote it); between the two, some may have survived.
     */
    public record Loss(boolean recovering, Instant detectedAt, Instant checkpointAt, Instant lostAfter) {
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
     * Begins an epoch in every shard that has none: at the first start, or after a node
     * lost its data. When PostgreSQL knows channels, the shards must be rebuilt first
     * (recovery). Returns whether this call found state lost.
     */
    public boolean beginEpochIfMissing() {
        List<Integer> missing = shardsWithoutEpoch();
        if (missing.isEmpty()) {
            return false;
        }
        boolean recover = durable.isPresent() && durable.get().channelCount() > 0;
        Instant now = Instant.now();
        Optional<Checkpoint> checkpoint = !recover ? Optional.empty() : everyChangeDurable
                ? Optional.of(new Checkpoint(now, now)) : durable.get().lastCheckpoint();
        List<List<Object>> replies = scripts.onShards(keys, missing, List.of("begin_epoch", UUID.randomUUID().toString(),
                recover ? "1" : "0", checkpoint.map(c -> Long.toString(c.durableUntil().toEpochMilli())).orElse(""),
                checkpoint.map(c -> Long.toString(c.takenBy().toEpochMilli())).orElse("")));
        long begun = replies.stream().filter(reply -> RedisChangeTracker.asLong(reply.get(0)) == 1).count();
        if (begun > 0 && recover) {
            LOG.warn("Redis has lost the state of {} of its {} shards (no epoch key): rebuilding their channels from "
                    + "PostgreSQL, each before its first use and all in the background. Changes to them acknowledged "
                    + "after the last checkpoint ({}), if any, may be lost; those after {} were not in PostgreSQL.",
                    begun, RedisKeys.SHARDS, checkpoint.map(c -> c.durableUntil().toString()).orElse("none"),
                    checkpoint.map(c -> c.takenBy().toString()).orElse("it"));
        } else if (begun == RedisKeys.SHARDS && durable.isEmpty()) {
            LOG.info("Redis holds no Readstate state yet (a first start, or a loss: mode cache-only keeps no copy)");
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

    /** The last loss over all shards: recovering while any shard is. */
    public Loss loss() {
        List<Loss> losses = shardLosses();
        boolean recovering = losses.stream().anyMatch(Loss::recovering);
        Optional<Instant> newest = losses.stream().map(Loss::detectedAt).filter(at -> at != null)
                .max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            return new Loss(recovering, null, null, null);
        }
        Instant oneEventSince = newest.get().minus(ONE_EVENT);
        List<Loss> lastEvent = losses.stream()
                .filter(loss -> loss.detectedAt() != null && !loss.detectedAt().isBefore(oneEventSince)).toList();
        Instant checkpoint = lastEvent.stream().map(Loss::checkpointAt).filter(at -> at != null)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant lostAfter = lastEvent.stream().map(Loss::lostAfter).filter(at -> at != null)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Loss(recovering, newest.get(), checkpoint, lostAfter);
    }

    /**
     * Rebuilds every channel of the shards being recovered that is not rebuilt yet, page by
     * page, then gives their users back the channels of other shards, then ends the
     * recovery of those shards. Returns the channels gone through (0 when nothing was lost).
     * A shard that lost its state again during the pass (a new epoch since the pass began)
     * stays in recovery: the channels this pass rebuilt there before were lost again, and
     * the next pass (or their first use) rebuilds them.
     */
    public long rebuildAll() {
        if (durable.isEmpty()) {
            return 0;
        }
        List<Loss> losses = shardLosses();
        Set<Integer> lost = new TreeSet<>();
        for (int shard = 0; shard < losses.size(); shard++) {
            if (losses.get(shard).recovering()) {
                lost.add(shard);
            }
        }
        if (lost.isEmpty()) {
            return 0;
        }
        Map<String, List<Integer>> lostByEpoch = byEpoch(lost);
        long done = 0;
        long total = durable.get().channelCount();
        long seen = 0;
        Optional<ChannelId> after = Optional.empty();
        List<ChannelId> page;
        do {
            page = durable.get().channelIds(after, PAGE);
            for (ChannelId channel : page) {
                if (lost.contains(RedisKeys.shardOf(channel))) {
                    rebuild(channel);
                    done++;
                }
            }
            seen += page.size();
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1));
                LOG.info("Rebuilding {} of {} Redis shards from PostgreSQL: {}/{} channels looked at, {} rebuilt",
                        lost.size(), RedisKeys.SHARDS, seen, total, done);
            }
        } while (page.size() == PAGE);
        if (lost.size() < RedisKeys.SHARDS) {
            relinkUsers(lost);
        }
        long lostAgain = lost.size() - lostByEpoch.values().stream().mapToInt(List::size).sum();
        for (Map.Entry<String, List<Integer>> epoch : lostByEpoch.entrySet()) {
            lostAgain += scripts.onShards(keys, epoch.getValue(), List.of("end_recovery", epoch.getKey())).stream()
                    .filter(reply -> RedisChangeTracker.asLong(reply.get(0)) < 0).count();
        }
        if (lostAgain > 0) {
            LOG.warn("{} of the {} Redis shards rebuilt lost their state again during the rebuild: they stay in "
                    + "recovery, and their channels are rebuilt again", lostAgain, lost.size());
        }
        LOG.info("Redis is rebuilt from PostgreSQL: {} shards, {} channels", lost.size() - lostAgain, done);
        return done;
    }

    /** The shards by the epoch each holds now (a shard without one, lost again already, is left out). */
    private Map<String, List<Integer>> byEpoch(Set<Integer> shards) {
        List<Integer> asked = List.copyOf(shards);
        List<String> epochs = epochsOf(asked);
        Map<String, List<Integer>> byEpoch = new TreeMap<>();
        for (int i = 0; i < asked.size(); i++) {
            if (epochs.get(i) != null) {
                byEpoch.computeIfAbsent(epochs.get(i), epoch -> new ArrayList<>()).add(asked.get(i));
            }
        }
        return byEpoch;
    }

    /**
     * A user's list of channels lives in the user's shard. When that shard was lost but a
     * channel's shard was not, the channel (and who is in it) is still in Redis: add it back
     * to the lists of its members whose shard was lost. Rebuilt channels did this already.
     */
    private void relinkUsers(Set<Integer> lost) {
        long relinked = 0;
        List<String> memberKeys = new ArrayList<>(PAGE);
        for (String key : scripts.reachable(() -> scripts.redisson().getKeys()
                .getKeysStreamByPattern(keys.allChannelMembersPattern(), PAGE).toList())) {
            memberKeys.add(key);
            if (memberKeys.size() == PAGE) {
                relinked += relinkPage(memberKeys, lost);
                memberKeys.clear();
            }
        }
        relinked += relinkPage(memberKeys, lost);
        LOG.info("Gave {} memberships in shards that kept their state back to their users' channel lists", relinked);
    }

    private long relinkPage(List<String> memberKeys, Set<Integer> lost) {
        List<String> kept = memberKeys.stream().filter(key -> !lost.contains(keys.shardOfKey(key))).toList();
        if (kept.isEmpty()) {
            return 0;
        }
        List<List<String>> members = scripts.reachable(() -> {
            RBatch batch = scripts.newBatch();
            List<RFuture<Set<String>>> replies = kept.stream()
                    .map(key -> batch.<String, String>getMap(key, StringCodec.INSTANCE).readAllKeySetAsync()).toList();
            batch.execute();
            return replies.stream().map(reply -> List.copyOf(reply.toCompletableFuture().join())).toList();
        });
        return scripts.reachable(() -> {
            RBatch batch = scripts.newBatch();
            long added = 0;
            for (int i = 0; i < kept.size(); i++) {
                String channel = keys.channelOfMembersKey(kept.get(i));
                for (String user : members.get(i)) {
                    UserId userId = UserId.of(user);
                    if (lost.contains(RedisKeys.shardOf(userId))) {
                        batch.getSet(keys.userChannels(userId), StringCodec.INSTANCE).addAsync(channel);
                        added++;
                    }
                }
            }
            if (added > 0) {
                batch.execute();
            }
            return added;
        });
    }

    private List<Integer> shardsWithoutEpoch() {
        List<String> epochs = epochsOf(ALL_SHARDS);
        return ALL_SHARDS.stream().filter(shard -> epochs.get(shard) == null).toList();
    }

    /** Each shard's epoch key, null where it has none, in one pipelined batch. */
    private List<String> epochsOf(List<Integer> shards) {
        return scripts.reachable(() -> {
            RBatch batch = scripts.newBatch();
            List<RFuture<String>> replies = shards.stream()
                    .map(shard -> batch.<String>getBucket(keys.epoch(shard), StringCodec.INSTANCE).getAsync()).toList();
            batch.execute();
            return replies.stream().map(reply -> reply.toCompletableFuture().join()).toList();
        });
    }

    /** Each shard's last loss, by shard number. */
    private List<Loss> shardLosses() {
        return scripts.onShards(keys, ALL_SHARDS, List.of("loss")).stream()
                .map(reply -> new Loss(RedisChangeTracker.asLong(reply.get(0)) == 1, instant(reply.get(1)),
                        instant(reply.get(2)), instant(reply.get(3))))
                .toList();
    }

    private static Instant instant(Object millis) {
        String text = (String) millis;
        return text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(text));
    }
}
