package io.readstate.domain.model;

import java.util.List;

/** A user's unread and mention totals over all its channels, with the channels listed. */
public record UnreadSummary(UserId userId, long totalUnread, long totalMentions, List<MemberState> channels) {

    public UnreadSummary {
        channels = List.copyOf(channels);
    }
}
