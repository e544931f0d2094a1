package io.readstate.domain.rules;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Seq;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * One channel and the rules of the contract, written plainly: the executable reference
 * that every store is tested against. Not thread-safe; a store serializes access per channel.
 */
public final class Channel {

    private final ChannelId id;
    private final int windowSize;
    private final NavigableMap<Long, Message> window = new TreeMap<>();
    private final Map<UserId, Member> members = new HashMap<>();
    private long headSeq = Seq.NONE;
    private long windowFloor = Seq.NONE;
    private Instant lastMessageAt;

    private record Message(boolean mentionAll, Set<UserId> mentionedByName) {
    }

    private static final class Member {
        long lastReadSeq;
        Instant lastReadAt;

        Member(long lastReadSeq, Instant lastReadAt) {
            this.lastReadSeq = lastReadSeq;
            this.lastReadAt = lastReadAt;
        }
    }

    public Channel(ChannelId id, int windowSize) {
        this.id = id;
        this.windowSize = windowSize;
    }

    /** Rules 1 and 2: a new message joins the window; one at or below the head changes nothing. */
    public Outcome.MessageAccepted post(long seq, UserId sender, Instant sentAt, Set<UserId> mentions,
                                        boolean mentionAll) {
        if (seq <= headSeq) {
            return new Outcome.MessageAccepted(id, seq, false, 0, 0);
        }
        headSeq = seq;
        lastMessageAt = sentAt;
        Set<UserId> mentionedMembers = new HashSet<>();
        for (UserId user : mentions) {
            if (members.containsKey(user) && !user.equals(sender)) {
                mentionedMembers.add(user);
            }
        }
        window.put(seq, new Message(mentionAll, mentionAll ? new HashSet<>() : mentionedMembers));
        Member senderAsMember = members.get(sender);
        if (senderAsMember != null) {
            senderAsMember.lastReadSeq = seq;
            senderAsMember.lastReadAt = sentAt;
        }
        long recipients = members.size() - (senderAsMember != null ? 1 : 0);
        long mentioned = mentionAll ? recipients : mentionedMembers.size();
        keepWindow();
        return new Outcome.MessageAccepted(id, seq, true, recipients, mentioned);
    }

    /** Rule 3: the read position moves forward only, and never past the head. */
    public Outcome read(UserId user, OptionalLong upToSeq, Instant readAt) {
        Member member = members.get(user);
        if (member == null) {
            return new Outcome.NotAMember(id, user);
        }
        long target = Math.min(upToSeq.orElse(headSeq), headSeq);
        boolean applied = target > member.lastReadSeq;
        if (applied) {
            member.lastReadSeq = target;
            member.lastReadAt = readAt;
        }
        return new Outcome.ReadRecorded(state(user), applied);
    }

    /** Rule 4: a new member reads from the head, or from a given position at or below it. */
    public Outcome join(UserId user, OptionalLong lastReadSeq, Instant joinedAt) {
        if (lastReadSeq.isPresent() && lastReadSeq.getAsLong() > headSeq) {
            return new Outcome.ReadPositionAboveHead(lastReadSeq.getAsLong(), headSeq);
        }
        boolean created = !members.containsKey(user);
        if (created) {
            members.put(user, new Member(lastReadSeq.orElse(headSeq), joinedAt));
        }
        return new Outcome.Joined(state(user), created);
    }

    /** Rule 4, many at once; a user named twice counts as already a member the second time. */
    public Outcome.MembersAdded joinAll(List<UserId> users, Instant joinedAt) {
        long added = 0;
        for (UserId user : users) {
            if (!members.containsKey(user)) {
                members.put(user, new Member(headSeq, joinedAt));
                added++;
            }
        }
        return new Outcome.MembersAdded(added, users.size() - added);
    }

    /** Rule 4: leaving forgets the member's read position and its mentions by name. */
    public Outcome leave(UserId user) {
        if (members.remove(user) == null) {
            return new Outcome.NotAMember(id, user);
        }
        for (Message message : window.values()) {
            message.mentionedByName().remove(user);
        }
        return new Outcome.Left();
    }

    /** Rule 5: a deleted message leaves every count; the head stays. */
    public Outcome.Deleted delete(long seq) {
        return new Outcome.Deleted(window.remove(seq) != null);
    }

    public boolean isMember(UserId user) {
        return members.containsKey(user);
    }

    /** The counts follow from the read position: messages after it in the window, and those mentioning the member. */
    public MemberState state(UserId user) {
        Member member = members.get(user);
        long unread = 0;
        long mentions = 0;
        for (Map.Entry<Long, Message> entry : window.tailMap(member.lastReadSeq, false).entrySet()) {
            unread++;
            Message message = entry.getValue();
            if (message.mentionAll() || message.mentionedByName().contains(user)) {
                mentions++;
            }
        }
        boolean capped = member.lastReadSeq < windowFloor;
        return new MemberState(id, user, unread, capped, mentions, member.lastReadSeq, member.lastReadAt, headSeq);
    }

    public ChannelSummary summary() {
        return new ChannelSummary(id, headSeq, members.size(), lastMessageAt);
    }

    /** Rule 6: message {@code seq} has been read by the members whose read position has reached it. */
    public List<UserId> readersOf(long seq) {
        List<UserId> readers = new ArrayList<>();
        members.forEach((user, member) -> {
            if (member.lastReadSeq >= seq) {
                readers.add(user);
            }
        });
        return readers;
    }

    public long memberCount() {
        return members.size();
    }

    public List<UserId> members() {
        return List.copyOf(members.keySet());
    }

    private void keepWindow() {
        while (window.size() > windowSize) {
            windowFloor = window.pollFirstEntry().getKey();
        }
    }
}
