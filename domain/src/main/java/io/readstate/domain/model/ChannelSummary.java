package io.readstate.domain.model;

import java.time.Instant;

/** A channel at a glance; {@code lastMessageAt} is null while it has had no message. */
public record ChannelSummary(ChannelId channelId, long headSeq, long memberCount, Instant lastMessageAt) {
}
