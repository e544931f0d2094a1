package io.readstate.domain.model;

/** A channel, as the chat service names it. */
public record ChannelId(String value) implements Comparable<ChannelId> {

    public ChannelId {
        Identifier.requireValid("channelId", value);
    }

    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    @Override
    public int compareTo(ChannelId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
