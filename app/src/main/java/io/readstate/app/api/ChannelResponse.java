package io.readstate.app.api;

import io.readstate.domain.model.ChannelSummary;

/** A channel at a glance; {@code lastMessageAt} is null while it has had no message. */
public record ChannelResponse(String channelId, long headSeq, long memberCount, String lastMessageAt) {

    public static ChannelResponse of(ChannelSummary channel) {
        return new ChannelResponse(channel.channelId().value(), channel.headSeq(), channel.memberCount(),
                Instants.format(channel.lastMessageAt()));
    }
}
