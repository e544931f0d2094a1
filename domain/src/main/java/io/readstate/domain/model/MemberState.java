package io.readstate.domain.model;

import java.time.Instant;

/**
 * What one member of one channel sees: its read position and the counts that follow
 * from it. {@code unreadCapped} is set when the read position lies before the channel's
 * window, so that {@code unread} counts only the messages in the window.
 */
public record MemberState(ChannelId channelId, UserId userId, long unread, boolean unreadCapped,
                          long mentions, long lastReadSeq, Instant lastReadAt, long headSeq) {

    public boolean hasSomethingUnread() {
        return unread > 0 || mentions > 0;
    }
}
