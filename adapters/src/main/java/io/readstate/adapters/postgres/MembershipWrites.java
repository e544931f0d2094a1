package io.readstate.adapters.postgres;

import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Seq;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Rules 3 and 4 in PostgreSQL: reads, joins and leaves. Each new membership gets its own generation. */
final class MembershipWrites {

    private final ChannelRowsDao channels;
    private final MemberRowsDao members;
    private final ReadStateQueriesDao states;

    MembershipWrites(Handle handle) {
        this.channels = handle.attach(ChannelRowsDao.class);
        this.members = handle.attach(MemberRowsDao.class);
        this.states = handle.attach(ReadStateQueriesDao.class);
    }

    /** The read position moves forward only, and never past the head. */
    Outcome read(ChannelRead read) {
        String channel = read.channelId().value();
        String user = read.userId().value();
        Optional<ChannelRow> row = channels.lock(channel);
        Optional<Long> position = row.isPresent() ? members.readPosition(channel, user) : Optional.empty();
        if (position.isEmpty()) {
            return new Outcome.NotAMember(read.channelId(), read.userId());
        }
        long head = row.get().headSeq();
        long target = Math.min(read.upToSeq().orElse(head), head);
        boolean applied = target > position.get();
        if (applied) {
            members.moveReadPosition(channel, user, target, read.readAt());
        }
        return new Outcome.ReadRecorded(state(channel, user), applied);
    }

    /** A new member reads from the head, or from a given position at or below it. */
    Outcome join(MemberJoined join) {
        String channel = join.channelId().value();
        String user = join.userId().value();
        Optional<ChannelRow> existing = channels.lock(channel);
        long head = existing.map(ChannelRow::headSeq).orElse(Seq.NONE);
        if (join.lastReadSeq().isPresent() && join.lastReadSeq().getAsLong() > head) {
            return new Outcome.ReadPositionAboveHead(join.lastReadSeq().getAsLong(), head);
        }
        ChannelRow row = existing.orElseGet(() -> channels.lockCreatingIfAbsent(channel));
        boolean created = members.readPosition(channel, user).isEmpty();
        if (created) {
            admit(channel, new String[] {user}, join.lastReadSeq().orElse(row.headSeq()), join.joinedAt());
        }
        return new Outcome.Joined(state(channel, user), created);
    }

    /** Many users join from the head, in the order named; one named twice already is a member the second time. */
    Outcome.MembersAdded joinAll(MembersJoined join) {
        String channel = join.channelId().value();
        ChannelRow row = channels.lockCreatingIfAbsent(channel);
        String[] named = join.userIds().stream().map(UserId::value).distinct().toArray(String[]::new);
        Set<String> newcomers = new LinkedHashSet<>(Arrays.asList(named));
        newcomers.removeAll(members.presentAmong(channel, named));
        if (!newcomers.isEmpty()) {
            admit(channel, newcomers.toArray(String[]::new), row.headSeq(), join.joinedAt());
        }
        return new Outcome.MembersAdded(newcomers.size(), join.userIds().size() - newcomers.size());
    }

    /** Leaving forgets the read position (the row stays, departed, with its generation) and the mentions by name. */
    Outcome leave(MemberLeft leave) {
        String channel = leave.channelId().value();
        String user = leave.userId().value();
        if (channels.lock(channel).isEmpty() || members.depart(channel, user) == 0) {
            return new Outcome.NotAMember(leave.channelId(), leave.userId());
        }
        members.forgetMentionsOf(channel, user);
        return new Outcome.Left();
    }

    /** Admits users in order, each with the next generation of the (locked) channel. */
    private void admit(String channel, String[] users, long readFrom, Instant joinedAt) {
        long last = channels.handOutGenerations(channel, users.length);
        long[] generations = new long[users.length];
        for (int i = 0; i < users.length; i++) {
            generations[i] = last - users.length + 1 + i;
        }
        members.admit(channel, users, generations, readFrom, joinedAt);
    }

    private MemberState state(String channel, String user) {
        return states.member(channel, user).orElseThrow().toMemberState();
    }
}
