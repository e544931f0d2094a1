package io.readstate.domain.model;

import java.time.Instant;

/**
 * Something that happened in a channel, as a chat service reports it. Each event is
 * valid by construction; times left out by the caller are stamped with the server's
 * clock before the event is recorded ({@link #stampedAt(Instant)}).
 */
public sealed interface ChannelEvent
        permits MessagePosted, ChannelRead, MemberJoined, MembersJoined, MemberLeft, MessageDeleted {

    ChannelId channelId();

    /** This event with its missing time set to {@code now}; events without a time return themselves. */
    default ChannelEvent stampedAt(Instant now) {
        return this;
    }

    /** Instants are kept to the millisecond, the precision both stores keep. */
    static Instant toMillis(Instant time) {
        return time == null ? null : Instant.ofEpochMilli(time.toEpochMilli());
    }
}
