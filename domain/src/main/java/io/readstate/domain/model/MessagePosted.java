package io.readstate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A message joined the channel at position {@code seq}. It mentions the users in
 * {@code mentions} by name, or every member when {@code mentionAll} is set.
 */
public record MessagePosted(ChannelId channelId, long seq, UserId senderId, Instant sentAt,
                            Set<UserId> mentions, boolean mentionAll) implements ChannelEvent {

    /** The most users one message may mention by name. */
    public static final int MAX_MENTIONS = 10_000;

    public MessagePosted {
        Objects.requireNonNull(channelId, "channelId");
        Seq.requireValid("seq", seq);
        if (senderId == null) {
            throw InvalidInput.of("senderId", "is required");
        }
        mentions = mentions == null ? Set.of() : Set.copyOf(mentions);
        if (mentions.size() > MAX_MENTIONS) {
            throw InvalidInput.of("mentions", "may name at most " + MAX_MENTIONS + " users");
        }
        sentAt = ChannelEvent.toMillis(sentAt);
    }

    @Override
    public MessagePosted stampedAt(Instant now) {
        return sentAt != null ? this : new MessagePosted(channelId, seq, senderId, now, mentions, mentionAll);
    }
}
