package io.readstate.domain.model;

import java.util.Objects;

/** A member left the channel: its read position and mentions are forgotten everywhere. */
public record MemberLeft(ChannelId channelId, UserId userId) implements ChannelEvent {

    public MemberLeft {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
    }
}
