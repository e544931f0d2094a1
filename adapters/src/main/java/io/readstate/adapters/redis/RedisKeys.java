package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Readstate keeps its state in Redis. Every key of one channel carries the
 * channel id as its hash tag, so one script can change a channel atomically; a user's
 * list of channels lives under the user's tag. Ids cannot contain braces, so a tag never
 * ends early. A few keys are shared by all channels: the epoch and recovery marks that
 * tell a Redis that lost its state, and the write-behind bookkeeping (the index of dirty
 * channels, the backlog, the claims) beside the per-channel dirty keys.
 */
public record RedisKeys(String prefix) {

    /** The suffixes of a channel's keys, in the order the scripts take them as KEYS[1..n]. */
    private static final List<String> CHANNEL_KEYS = List.of(
            "meta", "messages", "mention-all", "mentioned-by-message", "mentions", "members", "read-index");
    private static final List<String> CHANNEL_TRACKING_KEYS = List.of("dirty", "dirty-since", "flushing");

    public RedisKeys {
        if (prefix == null || prefix.contains("{") || prefix.contains("}")) {
            throw new IllegalArgumentException("a key prefix may not contain braces: " + prefix);
        }
    }

    /** A channel's state keys and the loss detection: KEYS[1..9] of the channel script. */
    public List<Object> channel(ChannelId channelId) {
        List<Object> keys = new ArrayList<>(16);
        String base = channelBase(channelId);
        CHANNEL_KEYS.forEach(suffix -> keys.add(base + suffix));
        keys.add(epoch());
        keys.add(recovering());
        return keys;
    }

    /** A channel's keys plus the write-behind bookkeeping: KEYS[1..16] of the channel script. */
    public List<Object> trackedChannel(ChannelId channelId) {
        List<Object> keys = channel(channelId);
        String base = channelBase(channelId);
        CHANNEL_TRACKING_KEYS.forEach(suffix -> keys.add(base + suffix));
        keys.add(dirtyIndex());
        keys.add(backlog());
        keys.add(claims());
        keys.add(claimOwners());
        return keys;
    }

    /** KEYS[1..8] of the dirty-index script. */
    public List<Object> dirtyIndexKeys() {
        return List.of(dirtyIndex(), backlog(), claims(), claimOwners(), prefix + "flush-stats", epoch(), recovering(),
                prefix + "last-loss");
    }

    /** Set when this Redis's state began; its absence means the state was lost. */
    public String epoch() {
        return prefix + "epoch";
    }

    private String recovering() {
        return prefix + "recovering";
    }

    public String channelMeta(ChannelId channelId) {
        return channelBase(channelId) + "meta";
    }

    public String userChannels(UserId userId) {
        return prefix + "u:{" + userId.value() + "}:channels";
    }

    public String dirtyIndex() {
        return prefix + "dirty-index";
    }

    private String backlog() {
        return prefix + "backlog";
    }

    private String claims() {
        return prefix + "claims";
    }

    private String claimOwners() {
        return prefix + "claim-owners";
    }

    private String channelBase(ChannelId channelId) {
        return prefix + "c:{" + channelId.value() + "}:";
    }
}
