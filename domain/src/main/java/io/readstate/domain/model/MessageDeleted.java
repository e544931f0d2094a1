package io.readstate.domain.model;

import java.util.Objects;

/** The message at {@code seq} was deleted: it leaves every count. */
public record MessageDeleted(ChannelId channelId, long seq) implements ChannelEvent {

    public MessageDeleted {
        Objects.requireNonNull(channelId, "channelId");
        Seq.requireValid("seq", seq);
    }
}
