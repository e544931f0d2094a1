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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of shared/API.md written once more, as plainly as possible and sharing no code
 * with {@link Channel}: every message ever accepted stays in a list, flagged when deleted or
 * pushed out of the window, and every count is found by walking that whole list.
 *
 * <p>A mention by name is kept as the membership it reached, not as a user id: a user who
 * leaves and joins again is a new membership, so the old mentions cannot count for it.
 */
final class BruteForceReadState implements RecordChannelEvents, LoadReadState {

    private final int windowSize;
    private final Map<ChannelId, Room> rooms = new TreeMap<>();

    BruteForceReadState(int windowSize) {
        this.windowSize = windowSize;
    }

    private static final class Room {
        long headSeq;
        Instant lastMessageAt;
        final List<Message> messages = new ArrayList<>();
        final Map<UserId, Membership> members = new HashMap<>();
    }

    /** One stay of a user in a channel; equal only to itself. */
    private static final class Membership {
        long lastReadSeq;
        Instant lastReadAt;

        Membership(long lastReadSeq, Instant lastReadAt) {
            this.lastReadSeq = lastReadSeq;
            this.lastReadAt = lastReadAt;
        }
    }

    private static final class Message {
        final long seq;
        final boolean mentionAll;
        final Set<Membership> mentioned;
        boolean deleted;
        boolean outOfWindow;

        Message(long seq, boolean mentionAll, Set<Membership> mentioned) {
            this.seq = seq;
            this.mentionAll = mentionAll;
            this.mentioned = mentioned;
        }

        boolean inWindow() {
            return !deleted && !outOfWindow;
        }
    }

    @Override
    public List<Outcome> record(List<ChannelEvent> events) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ChannelEvent event : events) {
            outcomes.add(apply(event));
        }
        return outcomes;
    }

    private Outcome apply(ChannelEvent event) {
        if (event instanceof MessagePosted message) {
            return post(message);
        } else if (event instanceof ChannelRead read) {
            return read(read);
        } else if (event instanceof MemberJoined join) {
            return join(join);
        } else if (event instanceof MembersJoined join) {
            return joinAll(join);
        } else if (event instanceof MemberLeft leave) {
            return leave(leave);
        } else if (event instanceof MessageDeleted deletion) {
            return delete(deletion);
        }
        throw new IllegalArgumentException(String.valueOf(event));
    }

    private Outcome post(MessagePosted posted) {
        Room room = rooms.computeIfAbsent(posted.channelId(), id -> new Room());
        if (posted.seq() <= room.headSeq) {
            return new Outcome.MessageAccepted(posted.channelId(), posted.seq(), false, 0, 0);
        }
        Membership sender = room.members.get(posted.senderId());
        Set<Membership> mentioned = new HashSet<>();
        room.members.forEach((user, membership) -> {
            if (membership != sender && posted.mentions().contains(user)) {
                mentioned.add(membership);
            }
        });
        room.messages.add(new Message(posted.seq(), posted.mentionAll(), mentioned));
        room.headSeq = posted.seq();
        room.lastMessageAt = posted.sentAt();
        if (sender != null) {
            sender.lastReadSeq = posted.seq();
            sender.lastReadAt = posted.sentAt();
        }
        int recipients = room.members.size() - (sender == null ? 0 : 1);
        pushOldestOutOfTheWindow(room);
        return new Outcome.MessageAccepted(posted.channelId(), posted.seq(), true, recipients,
                posted.mentionAll() ? recipients : mentioned.size());
    }

    private void pushOldestOutOfTheWindow(Room room) {
        List<Message> window = room.messages.stream().filter(Message::inWindow).toList();
        for (int i = 0; i < window.size() - windowSize; i++) {
            window.get(i).outOfWindow = true;
        }
    }

    private Outcome read(ChannelRead read) {
        Room room = rooms.get(read.channelId());
        Membership member = room == null ? null : room.members.get(read.userId());
        if (member == null) {
            return new Outcome.NotAMember(read.channelId(), read.userId());
        }
        long target = read.upToSeq().isPresent() && read.upToSeq().getAsLong() < room.headSeq
                ? read.upToSeq().getAsLong() : room.headSeq;
        boolean forward = target > member.lastReadSeq;
        if (forward) {
            member.lastReadSeq = target;
            member.lastReadAt = read.readAt();
        }
        return new Outcome.ReadRecorded(stateOf(read.channelId(), room, read.userId()), forward);
    }

    private Outcome join(MemberJoined join) {
        long head = headSeq(join.channelId());
        if (join.lastReadSeq().isPresent() && join.lastReadSeq().getAsLong() > head) {
            return new Outcome.ReadPositionAboveHead(join.lastReadSeq().getAsLong(), head);
        }
        Room room = rooms.computeIfAbsent(join.channelId(), id -> new Room());
        boolean isNew = !room.members.containsKey(join.userId());
        if (isNew) {
            room.members.put(join.userId(), new Membership(join.lastReadSeq().orElse(head), join.joinedAt()));
        }
        return new Outcome.Joined(stateOf(join.channelId(), room, join.userId()), isNew);
    }

    private Outcome joinAll(MembersJoined join) {
        Room room = rooms.computeIfAbsent(join.channelId(), id -> new Room());
        long added = 0;
        long already = 0;
        for (UserId user : join.userIds()) {
            if (room.members.containsKey(user)) {
                already++;
            } else {
                room.members.put(user, new Membership(room.headSeq, join.joinedAt()));
                added++;
            }
        }
        return new Outcome.MembersAdded(added, already);
    }

    private Outcome leave(MemberLeft leave) {
        Room room = rooms.get(leave.channelId());
        if (room == null || room.members.remove(leave.userId()) == null) {
            return new Outcome.NotAMember(leave.channelId(), leave.userId());
        }
        return new Outcome.Left();
    }

    private Outcome delete(MessageDeleted deletion) {
        Room room = rooms.get(deletion.channelId());
        if (room != null) {
            for (Message message : room.messages) {
                if (message.seq == deletion.seq() && message.inWindow()) {
                    message.deleted = true;
                    return new Outcome.Deleted(true);
                }
            }
        }
        return new Outcome.Deleted(false);
    }

    private static MemberState stateOf(ChannelId channelId, Room room, UserId user) {
        Membership member = room.members.get(user);
        long unread = 0;
        long mentions = 0;
        boolean capped = false;
        for (Message message : room.messages) {
            if (message.seq <= member.lastReadSeq || message.deleted) {
                continue;
            }
            if (message.outOfWindow) {
                capped = true;
            } else {
                unread++;
                if (message.mentionAll || message.mentioned.contains(member)) {
                    mentions++;
                }
            }
        }
        return new MemberState(channelId, user, unread, capped, mentions, member.lastReadSeq, member.lastReadAt,
                room.headSeq);
    }

    @Override
    public Optional<ChannelSummary> channel(ChannelId channelId) {
        Room room = rooms.get(channelId);
        return room == null ? Optional.empty()
                : Optional.of(new ChannelSummary(channelId, room.headSeq, room.members.size(), room.lastMessageAt));
    }

    @Override
    public Optional<MemberState> member(ChannelId channelId, UserId userId) {
        Room room = rooms.get(channelId);
        return room == null || !room.members.containsKey(userId) ? Optional.empty()
                : Optional.of(stateOf(channelId, room, userId));
    }

    @Override
    public List<MemberState> memberships(UserId userId) {
        List<MemberState> states = new ArrayList<>();
        rooms.forEach((id, room) -> {
            if (room.members.containsKey(userId)) {
                states.add(stateOf(id, room, userId));
            }
        });
        return states;
    }

    @Override
    public Optional<Readers> readers(ChannelId channelId, long seq) {
        Room room = rooms.get(channelId);
        if (room == null) {
            return Optional.empty();
        }
        List<UserId> readers = new ArrayList<>();
        room.members.forEach((user, member) -> {
            if (member.lastReadSeq >= seq) {
                readers.add(user);
            }
        });
        return Optional.of(new Readers(room.members.size(), readers));
    }

    List<ChannelId> channelIds() {
        return List.copyOf(rooms.keySet());
    }

    List<UserId> membersOf(ChannelId channelId) {
        Room room = rooms.get(channelId);
        return room == null ? List.of() : List.copyOf(room.members.keySet());
    }

    long headSeq(ChannelId channelId) {
        Room room = rooms.get(channelId);
        return room == null ? 0 : room.headSeq;
    }

    /** Every seq the channel ever accepted, deleted or pushed out of the window included. */
    List<Long> acceptedSeqs(ChannelId channelId) {
        Room room = rooms.get(channelId);
        return room == null ? List.of() : room.messages.stream().map(message -> message.seq).toList();
    }
}
