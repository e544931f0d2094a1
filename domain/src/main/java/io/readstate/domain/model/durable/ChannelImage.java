package io.readstate.domain.model.durable;

import io.readstate.domain.model.ChannelId;
import java.util.List;

/** A channel's whole durable state: enough to rebuild it in the hot store. */
public record ChannelImage(ChannelId channelId, ChannelHead head, List<MemberRecord> members,
                           List<MessageRecord> window) {

    public ChannelImage {
        members = List.copyOf(members);
        window = List.copyOf(window);
    }
}
