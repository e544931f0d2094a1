package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How events travel to the channel script (ARGV) and how its replies become outcomes; see lua/*.lua. */
final class ChannelEventCodec {

    private ChannelEventCodec() {
    }

    /**
     * @param brief whether a read or a message answers its status alone ({@link Outcome.ReadNoted},
     *     {@link Outcome.MessageNoted}), not the member's state or the message's recipients
     */
    static List<Object> arguments(ChannelEvent event, int windowSize, boolean brief) {
        if (event instanceof MessagePosted m) {
            List<Object> args = new ArrayList<>(7 + m.mentions().size());
            args.add("message");
            args.add(SeqText.of(m.seq()));
            args.add(m.senderId().value());
            args.add(millis(m.sentAt()));
            args.add(m.mentionAll() ? "1" : "0");
            args.add(Integer.toString(windowSize));
            args.add(brief ? "1" : "0");
            m.mentions().forEach(user -> args.add(user.value()));
            return args;
        } else if (event instanceof ChannelRead r) {
            String upTo = r.upToSeq().isPresent() ? SeqText.of(r.upToSeq().getAsLong()) : "";
            return brief ? List.of("read", r.userId().value(), upTo, millis(r.readAt()), "1")
                    : List.of("read", r.userId().value(), upTo, millis(r.readAt()));
        } else if (event instanceof MemberJoined j) {
            String from = j.lastReadSeq().isPresent() ? SeqText.of(j.lastReadSeq().getAsLong()) : "";
            return List.of("join", j.userId().value(), from, millis(j.joinedAt()));
        } else if (event instanceof MembersJoined j) {
            List<Object> args = new ArrayList<>(2 + j.userIds().size());
            args.add("join_many");
            args.add(millis(j.joinedAt()));
            j.userIds().forEach(user -> args.add(user.value()));
            return args;
        } else if (event instanceof MemberLeft l) {
            return List.of("leave", l.userId().value());
        } else if (event instanceof MessageDeleted d) {
            return List.of("delete", SeqText.of(d.seq()));
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    static Outcome outcome(ChannelEvent event, List<Object> reply) {
        ChannelId channel = event.channelId();
        long status = (Long) reply.get(0);
        if (event instanceof MessagePosted m) {
            return reply.size() == 1 ? new Outcome.MessageNoted(status == 1)
                    : new Outcome.MessageAccepted(channel, m.seq(), status == 1, (Long) reply.get(1), (Long) reply.get(2));
        } else if (event instanceof ChannelRead r) {
            return status < 0 ? new Outcome.NotAMember(channel, r.userId())
                    : reply.size() == 1 ? new Outcome.ReadNoted(status == 1)
                    : new Outcome.ReadRecorded(memberState(channel, r.userId(), reply), status == 1);
        } else if (event instanceof MemberJoined j) {
            return status < 0 ? new Outcome.ReadPositionAboveHead(j.lastReadSeq().getAsLong(), SeqText.parse(reply.get(1)))
                    : new Outcome.Joined(memberState(channel, j.userId(), reply), status == 1);
        } else if (event instanceof MembersJoined) {
            return new Outcome.MembersAdded(status, (Long) reply.get(1));
        } else if (event instanceof MemberLeft l) {
            return status == 1 ? new Outcome.Left() : new Outcome.NotAMember(channel, l.userId());
        }
        return new Outcome.Deleted(status == 1);
    }

    /** A reply { status, lastReadSeq, lastReadAt, unread, mentions, headSeq, capped } as a member's state. */
    static MemberState memberState(ChannelId channel, UserId user, List<Object> reply) {
        return new MemberState(channel, user, (Long) reply.get(3), (Long) reply.get(6) == 1, (Long) reply.get(4),
                SeqText.parse(reply.get(1)), Instant.ofEpochMilli(Long.parseLong((String) reply.get(2))),
                SeqText.parse(reply.get(5)));
    }

    private static String millis(Instant time) {
        return Long.toString(time.toEpochMilli());
    }
}
