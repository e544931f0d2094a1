package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read side that answers with what it was given, in the order it was given: the ports
 * promise no order, so use cases that sort are tested against one that does not.
 */
final class CannedReadState implements LoadReadState {

    private final List<MemberState> memberStates = new ArrayList<>();
    private final Map<ChannelId, Readers> readers = new HashMap<>();

    CannedReadState with(MemberState state) {
        memberStates.add(state);
        return this;
    }

    CannedReadState withReaders(ChannelId channelId, long memberCount, List<UserId> userIds) {
        readers.put(channelId, new Readers(memberCount, userIds));
        return this;
    }

    @Override
    public Optional<ChannelSummary> channel(ChannelId channelId) {
        return Optional.empty();
    }

    @Override
    public Optional<MemberState> member(ChannelId channelId, UserId userId) {
        return memberStates.stream()
                .filter(state -> state.channelId().equals(channelId) && state.userId().equals(userId))
                .findFirst();
    }

    @Override
    public List<MemberState> memberships(UserId userId) {
        return memberStates.stream().filter(state -> state.userId().equals(userId)).toList();
    }

    /** The readers given for the channel, whatever the seq. */
    @Override
    public Optional<Readers> readers(ChannelId channelId, long seq) {
        return Optional.ofNullable(readers.get(channelId));
    }
}
