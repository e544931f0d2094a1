package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.util.List;

/**
 * Where Readstate keeps its state in Redis. Every key of one channel carries the
 * channel id as its hash tag, so one script can change a channel atomically on a single
 * node and on Redis Cluster alike; a user's list of channels lives under the user's tag.
 * Ids cannot contain braces, so a tag never ends early.
 */
public record RedisKeys(String prefix) {

    /** The suffixes of a channel's keys, in the order the scripts take them as KEYS[1..n]. */
    private static final List<String> CHANNEL_KEYS =
            List.of("meta", "messages", "mention-all", "mentioned-by-message", "mentions", "members", "read-index");

    public RedisKeys {
        if (prefix == null || prefix.contains("{") || prefix.contains("}")) {
            throw new IllegalArgumentException("a key prefix may not contain braces: " + prefix);
        }
    }

    public List<Object> channel(ChannelId channelId) {
        String base = prefix + "c:{" + channelId.value() + "}:";
        return CHANNEL_KEYS.stream().<Object>map(suffix -> base + suffix).toList();
    }

    public String channelMeta(ChannelId channelId) {
        return prefix + "c:{" + channelId.value() + "}:meta";
    }

    public String userChannels(UserId userId) {
        return prefix + "u:{" + userId.value() + "}:channels";
    }
}
