package io.readstate.adapters.postgres;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UserId;
import java.time.Instant;

/** One member's read position with the counts that follow from it. Public only for JDBI's constructor mapper. */
public record MemberStateRow(String channelId, String userId, long unread, boolean unreadCapped, long mentions,
                      long lastReadSeq, Instant lastReadAt, long headSeq) {

    MemberState toMemberState() {
        return new MemberState(ChannelId.of(channelId), UserId.of(userId), unread, unreadCapped, mentions,
                lastReadSeq, lastReadAt, headSeq);
    }
}
