package io.readstate.adapters.postgres;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import java.time.Instant;

/** A channel's head and member count. Public only for JDBI's constructor mapper. */
public record ChannelSummaryRow(String channelId, long headSeq, long memberCount, Instant lastMessageAt) {

    ChannelSummary toSummary() {
        return new ChannelSummary(ChannelId.of(channelId), headSeq, memberCount, lastMessageAt);
    }
}
