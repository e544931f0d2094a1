package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import java.util.Optional;

/** One member's read position and counts; empty when the user is not a member. */
public final class ShowMemberState {

    private final LoadReadState state;

    public ShowMemberState(LoadReadState state) {
        this.state = state;
    }

    public Optional<MemberState> show(ChannelId channelId, UserId userId) {
        return state.member(channelId, userId);
    }
}
