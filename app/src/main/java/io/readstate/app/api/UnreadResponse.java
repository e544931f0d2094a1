package io.readstate.app.api;

import io.readstate.domain.model.UnreadSummary;
import java.util.List;

/** A user's totals over every membership, with the channels listed. */
public record UnreadResponse(String userId, long totalUnread, long totalMentions, List<MemberStateResponse> channels) {

    public static UnreadResponse of(UnreadSummary summary) {
        return new UnreadResponse(summary.userId().value(), summary.totalUnread(), summary.totalMentions(),
                summary.channels().stream().map(MemberStateResponse::of).toList());
    }
}
