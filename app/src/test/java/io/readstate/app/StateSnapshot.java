package io.readstate.app;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.ArrayList;
import java.util.List;

/** Everything an in-memory state holds, to show that a failed request changed nothing. */
public record StateSnapshot(List<ChannelSummary> channels, List<MemberState> members) {

    public static StateSnapshot of(InMemoryReadState state) {
        List<ChannelSummary> channels = new ArrayList<>();
        List<MemberState> members = new ArrayList<>();
        for (ChannelId channel : state.channelIds()) {
            channels.add(state.channel(channel).orElseThrow());
            for (UserId user : state.membersOf(channel).stream().sorted().toList()) {
                members.add(state.member(channel, user).orElseThrow());
            }
        }
        return new StateSnapshot(channels, members);
    }
}
