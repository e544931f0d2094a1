package io.readstate.domain.rules;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything a read state shows, for a known set of users: the channels, their members, each
 * member's state, each user's memberships, and the readers of every seq where the answer can
 * change (1, each read position and the one after it, the head and the one after it).
 * Two snapshots are equal when nobody could tell the two states apart.
 */
record ReadStateSnapshot(List<ChannelId> channelIds,
                         Map<ChannelId, ChannelSummary> channels,
                         Map<ChannelId, Set<UserId>> members,
                         Map<ChannelId, Map<UserId, MemberState>> states,
                         Map<UserId, Set<MemberState>> memberships,
                         Map<ChannelId, Map<Long, ReaderSet>> readers) {

    /** Readers without the order the port does not promise. */
    record ReaderSet(long memberCount, Set<UserId> userIds) {
        static ReaderSet of(Readers readers) {
            return new ReaderSet(readers.memberCount(), Set.copyOf(readers.userIds()));
        }
    }

    static ReadStateSnapshot of(InMemoryReadState state, List<UserId> everyone) {
        return of(state, state.channelIds(), state::membersOf, everyone);
    }

    static ReadStateSnapshot of(BruteForceReadState state, List<UserId> everyone) {
        return of(state, state.channelIds(), state::membersOf, everyone);
    }

    private static ReadStateSnapshot of(LoadReadState state, List<ChannelId> channelIds,
                                        Function<ChannelId, List<UserId>> membersOf, List<UserId> everyone) {
        Map<ChannelId, ChannelSummary> channels = new TreeMap<>();
        Map<ChannelId, Set<UserId>> members = new TreeMap<>();
        Map<ChannelId, Map<UserId, MemberState>> states = new TreeMap<>();
        Map<ChannelId, Map<Long, ReaderSet>> readers = new TreeMap<>();
        for (ChannelId channel : channelIds) {
            ChannelSummary summary = state.channel(channel).orElseThrow();
            channels.put(channel, summary);
            members.put(channel, Set.copyOf(membersOf.apply(channel)));
            Map<UserId, MemberState> channelStates = new TreeMap<>();
            Set<Long> probes = new TreeSet<>(List.of(1L, summary.headSeq(), summary.headSeq() + 1));
            for (UserId user : everyone) {
                state.member(channel, user).ifPresent(member -> {
                    channelStates.put(user, member);
                    probes.add(member.lastReadSeq());
                    probes.add(member.lastReadSeq() + 1);
                });
            }
            states.put(channel, channelStates);
            Map<Long, ReaderSet> channelReaders = new TreeMap<>();
            for (long seq : probes) {
                if (seq >= 1) {
                    channelReaders.put(seq, ReaderSet.of(state.readers(channel, seq).orElseThrow()));
                }
            }
            readers.put(channel, channelReaders);
        }
        Map<UserId, Set<MemberState>> memberships = new TreeMap<>();
        for (UserId user : everyone) {
            memberships.put(user, Set.copyOf(state.memberships(user)));
        }
        return new ReadStateSnapshot(channelIds, channels, members, states, memberships, readers);
    }

    /** Every member state, over all channels. */
    List<MemberState> allStates() {
        return states.values().stream().flatMap(byUser -> byUser.values().stream()).toList();
    }
}
