package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where Readstate keeps its state in Redis. Every key lives in one of {@link #SHARDS}
 * shards, and every key of a shard carries the shard's hash tag ({@code {s17}}), so on a
 * Redis Cluster a shard is one hash slot on one node. A channel belongs to the shard its
 * id hashes to: its keys sit beside that shard's epoch, recovery mark and write-behind
 * bookkeeping (the index of dirty channels, the backlog, the claims), so that one script
 * can change a channel and its bookkeeping atomically. A user's list of channels lives in
 * the shard the user id hashes to. A node that loses its data loses whole shards,
 * epoch included, so the loss is always noticed. Only the flush statistics are kept once
 * for all shards.
 *
 * <p>The shard count is part of the layout: changing it moves every key. Ids cannot
 * contain braces, and neither can the prefix, so a tag never ends early.
 */
public final class RedisKeys {

    /** Shards, hence hash slots in use; spread evenly enough over any realistic number of masters. */
    public static final int SHARDS = 128;

    /**
     * The suffixes of a channel's keys, in the order the scripts take them as KEYS[1..n] (a call
     * on several channels names them in Lua: see {@link #channelMetas}).
     */
    private static final List<String> CHANNEL_KEYS = List.of(
            "meta", "messages", "mention-all", "mentioned-by-message", "mentions", "members", "read-index");
    private static final List<String> CHANNEL_TRACKING_KEYS = List.of("dirty", "dirty-since", "flushing");

    private final String prefix;
    /**
     * Each shard's {@link #shardKeys}, named once, in the shard script's order: dirty index,
     * backlog, claims, claim owners, epoch, recovery mark, last loss. Every event's script
     * call names all but the last, and building them afresh each time took a few percent of a
     * request's CPU.
     */
    private final List<List<Object>> shardKeys;

    public RedisKeys(String prefix) {
        if (prefix == null || prefix.contains("{") || prefix.contains("}")) {
            throw new IllegalArgumentException("a key prefix may not contain braces: " + prefix);
        }
        this.prefix = prefix;
        List<List<Object>> byShard = new ArrayList<>(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            byShard.add(List.of(shardKey(shard, "dirty-index"), shardKey(shard, "backlog"), shardKey(shard, "claims"),
                    shardKey(shard, "claim-owners"), shardKey(shard, "epoch"), shardKey(shard, "recovering"),
                    shardKey(shard, "last-loss")));
        }
        this.shardKeys = List.copyOf(byShard);
    }

    /** What goes before every key of this layout. */
    public String prefix() {
        return prefix;
    }

    /** The shard a channel belongs to. */
    public static int shardOf(ChannelId channelId) {
        return shardOf("c", channelId.value());
    }

    static int shardOf(UserId userId) {
        return shardOf("u", userId.value());
    }

    /** A channel's state keys and its shard's loss detection: KEYS[1..9] of the channel script. */
    public List<Object> channel(ChannelId channelId) {
        return channel(channelId, false);
    }

    /** A channel's keys plus its shard's write-behind bookkeeping: KEYS[1..16] of the channel script. */
    public List<Object> trackedChannel(ChannelId channelId) {
        return channel(channelId, true);
    }

    /**
     * The channel script's KEYS, with the write-behind keys when {@code tracked}, the channel's
     * shard computed once (every event asks for them).
     */
    List<Object> channel(ChannelId channelId, boolean tracked) {
        int shard = shardOf(channelId);
        String base = channelBase(channelId, shard);
        List<Object> ofShard = shardKeys(shard);
        List<Object> keys = new ArrayList<>(16);
        for (String suffix : CHANNEL_KEYS) {
            keys.add(base + suffix);
        }
        keys.addAll(ofShard.subList(4, 6));  // epoch, recovering
        if (tracked) {
            for (String suffix : CHANNEL_TRACKING_KEYS) {
                keys.add(base + suffix);
            }
            keys.addAll(ofShard.subList(0, 4));  // dirty index, backlog, claims, claim owners
        }
        return keys;
    }

    /** KEYS[1..7] of the shard script. */
    public List<Object> shardKeys(int shard) {
        return shardKeys.get(shard);
    }

    /** KEYS[1..8] of the shard script's {@code channels_of}: the user's shard's keys, then the user's list of channels. */
    public List<Object> userShardKeys(UserId userId) {
        List<Object> keys = new ArrayList<>(shardKeys(shardOf(userId)));
        keys.add(userChannels(userId));
        return keys;
    }

    /** Set when this shard's state began; its absence means the node holding the shard lost it. */
    public String epoch(int shard) {
        return (String) shardKeys(shard).get(4);
    }

    public String channelMeta(ChannelId channelId) {
        return channelBase(channelId, shardOf(channelId)) + "meta";
    }

    /**
     * The KEYS of a script call on several channels: each channel's meta key, after which the
     * script names the channel's other keys and its shard's (bind_channel_named in
     * lua/common.lua, which follows this layout: a change here is a change there).
     */
    List<Object> channelMetas(List<ChannelId> channels) {
        List<Object> metas = new ArrayList<>(channels.size());
        channels.forEach(channel -> metas.add(channelMeta(channel)));
        return metas;
    }

    public String userChannels(UserId userId) {
        return shardKey(shardOf(userId), "u:" + userId.value() + ":channels");
    }

    public String dirtyIndex(int shard) {
        return (String) shardKeys(shard).get(0);
    }

    /** The flusher's statistics: the one key shared by all shards, written once per flush. */
    public String flushStats() {
        return prefix + "flush-stats";
    }

    /** A SCAN pattern that matches the members hash of every channel. */
    String allChannelMembersPattern() {
        return prefix + "{s*}:c:*:members";
    }

    /** The channel whose members hash {@code key} is (a key matched by {@link #allChannelMembersPattern}). */
    String channelOfMembersKey(String key) {
        int start = key.indexOf("}:c:") + "}:c:".length();
        return key.substring(start, key.length() - ":members".length());
    }

    /** The shard of any key in this layout, read from its hash tag. */
    int shardOfKey(String key) {
        int open = key.indexOf("{s", prefix.length());
        return Integer.parseInt(key.substring(open + 2, key.indexOf('}', open)));
    }

    private String channelBase(ChannelId channelId, int shard) {
        return shardKey(shard, "c:" + channelId.value() + ":");
    }

    private String shardKey(int shard, String name) {
        return prefix + "{s" + shard + "}:" + name;
    }

    private static int shardOf(String kind, String id) {
        CRC32 crc = new CRC32();
        crc.update(kind.getBytes(StandardCharsets.UTF_8));
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SHARDS);
    }
}
