package io.readstate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A user joined the channel. It has read up to the channel's head, or up to
 * {@code lastReadSeq} when given (which may not lie above the head).
 */
public record MemberJoined(ChannelId channelId, UserId userId, OptionalLong lastReadSeq, Instant joinedAt)
        implements ChannelEvent {

    public MemberJoined {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        lastReadSeq = lastReadSeq == null ? OptionalLong.empty() : lastReadSeq;
        lastReadSeq.ifPresent(seq -> Seq.requireReadPosition("lastReadSeq", seq));
        joinedAt = ChannelEvent.toMillis(joinedAt);
    }

    @Override
    public MemberJoined stampedAt(Instant now) {
        return joinedAt != null ? this : new MemberJoined(channelId, userId, lastReadSeq, now);
    }
}
