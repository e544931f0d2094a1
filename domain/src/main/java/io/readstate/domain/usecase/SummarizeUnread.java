package io.readstate.domain.usecase;

import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UnreadSummary;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import java.util.Comparator;
import java.util.List;

/**
 * A user's unread and mention totals over every membership. The list holds the channels
 * with something unread (or every channel, when asked), sorted by channel id.
 */
public final class SummarizeUnread {

    private final LoadReadState state;

    public SummarizeUnread(LoadReadState state) {
        this.state = state;
    }

    public UnreadSummary summarize(UserId userId, boolean includeAll) {
        List<MemberState> memberships = state.memberships(userId);
        long totalUnread = 0;
        long totalMentions = 0;
        for (MemberState membership : memberships) {
            totalUnread += membership.unread();
            totalMentions += membership.mentions();
        }
        List<MemberState> listed = memberships.stream()
                .filter(membership -> includeAll || membership.hasSomethingUnread())
                .sorted(Comparator.comparing(MemberState::channelId))
                .toList();
        return new UnreadSummary(userId, totalUnread, totalMentions, listed);
    }
}
