package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.port.LoadReadState;
import java.util.Optional;

/** A channel's head, member count and last message time; empty when the channel is unknown. */
public final class ShowChannel {

    private final LoadReadState state;

    public ShowChannel(LoadReadState state) {
        this.state = state;
    }

    public Optional<ChannelSummary> show(ChannelId channelId) {
        return state.channel(channelId);
    }
}
