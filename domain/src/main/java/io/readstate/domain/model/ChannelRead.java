package io.readstate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A member read the channel up to {@code upToSeq}, or up to its head when no seq is given.
 */
public record ChannelRead(ChannelId channelId, UserId userId, OptionalLong upToSeq, Instant readAt)
        implements ChannelEvent {

    public ChannelRead {
        Objects.requireNonNull(channelId, "channelId");
        if (userId == null) {
            throw InvalidInput.of("userId", "is required");
        }
        upToSeq = upToSeq == null ? OptionalLong.empty() : upToSeq;
        upToSeq.ifPresent(seq -> Seq.requireValid("seq", seq));
        readAt = ChannelEvent.toMillis(readAt);
    }

    @Override
    public ChannelRead stampedAt(Instant now) {
        return readAt != null ? this : new ChannelRead(channelId, userId, upToSeq, now);
    }
}
