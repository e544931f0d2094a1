package io.readstate.domain.rules;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import io.readstate.domain.port.RecordChannelEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ports kept in memory with {@link Channel}: the reference the real stores are
 * compared with, and the fake for use-case tests. Synchronized as a whole.
 */
public final class InMemoryReadState implements RecordChannelEvents, LoadReadState {

    private final int windowSize;
    private final Map<ChannelId, Channel> channels = new TreeMap<>();

    public InMemoryReadState(int windowSize) {
        this.windowSize = windowSize;
    }

    @Override
    public synchronized List<Outcome> record(List<ChannelEvent> events) {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (ChannelEvent event : events) {
            outcomes.add(apply(event));
        }
        return outcomes;
    }

    private Outcome apply(ChannelEvent event) {
        ChannelId id = event.channelId();
        if (event instanceof MessagePosted m) {
            return channelCreatedIfNew(id).post(m.seq(), m.senderId(), m.sentAt(), m.mentions(), m.mentionAll());
        } else if (event instanceof ChannelRead r) {
            Channel channel = channels.get(id);
            return channel == null ? new Outcome.NotAMember(id, r.userId())
                    : channel.read(r.userId(), r.upToSeq(), r.readAt());
        } else if (event instanceof MemberJoined j) {
            boolean aboveAnEmptyHead = j.lastReadSeq().isPresent() && j.lastReadSeq().getAsLong() > 0;
            if (!channels.containsKey(id) && aboveAnEmptyHead) {
                return new Outcome.ReadPositionAboveHead(j.lastReadSeq().getAsLong(), 0);
            }
            return channelCreatedIfNew(id).join(j.userId(), j.lastReadSeq(), j.joinedAt());
        } else if (event instanceof MembersJoined j) {
            return channelCreatedIfNew(id).joinAll(j.userIds(), j.joinedAt());
        } else if (event instanceof MemberLeft l) {
            Channel channel = channels.get(id);
            return channel == null ? new Outcome.NotAMember(id, l.userId()) : channel.leave(l.userId());
        } else if (event instanceof MessageDeleted d) {
            Channel channel = channels.get(id);
            return channel == null ? new Outcome.Deleted(false) : channel.delete(d.seq());
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private Channel channelCreatedIfNew(ChannelId id) {
        return channels.computeIfAbsent(id, key -> new Channel(key, windowSize));
    }

    @Override
    public synchronized Optional<ChannelSummary> channel(ChannelId channelId) {
        return Optional.ofNullable(channels.get(channelId)).map(Channel::summary);
    }

    @Override
    public synchronized Optional<MemberState> member(ChannelId channelId, UserId userId) {
        Channel channel = channels.get(channelId);
        if (channel == null || !channel.isMember(userId)) {
            return Optional.empty();
        }
        return Optional.of(channel.state(userId));
    }

    @Override
    public synchronized List<MemberState> memberships(UserId userId) {
        List<MemberState> states = new ArrayList<>();
        for (Channel channel : channels.values()) {
            if (channel.isMember(userId)) {
                states.add(channel.state(userId));
            }
        }
        return states;
    }

    @Override
    public synchronized Optional<Readers> readers(ChannelId channelId, long seq) {
        return Optional.ofNullable(channels.get(channelId))
                .map(channel -> new Readers(channel.memberCount(), channel.readersOf(seq)));
    }

    /** Every channel known, sorted by id (for tests that compare whole states). */
    public synchronized List<ChannelId> channelIds() {
        return List.copyOf(channels.keySet());
    }

    /** The members of a channel, for tests that compare whole states. */
    public synchronized List<UserId> membersOf(ChannelId channelId) {
        Channel channel = channels.get(channelId);
        return channel == null ? List.of() : channel.members();
    }
}
