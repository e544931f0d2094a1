package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Asserts that two stores answer every query alike for the channels and users of some traffic. */
public final class SameState {

    private SameState() {
    }

    public static void assertSameState(RandomEvents traffic, LoadReadState actual, LoadReadState expected, String where) {
        for (ChannelId channel : traffic.channels()) {
            assertThat(actual.channel(channel)).as(where).isEqualTo(expected.channel(channel));
            for (UserId user : traffic.users()) {
                assertThat(actual.member(channel, user)).as(where).isEqualTo(expected.member(channel, user));
            }
            for (long seq = 1; seq < 40; seq += 6) {
                assertThat(readers(actual.readers(channel, seq))).as(where).isEqualTo(readers(expected.readers(channel, seq)));
            }
        }
        for (UserId user : traffic.users()) {
            assertThat(sorted(actual.memberships(user))).as(where).isEqualTo(sorted(expected.memberships(user)));
        }
    }

    private static Optional<Set<UserId>> readers(Optional<Readers> readers) {
        return readers.map(r -> r.userIds().stream().collect(Collectors.toSet()));
    }

    private static List<MemberState> sorted(List<MemberState> states) {
        return states.stream().sorted(Comparator.comparing(MemberState::channelId)).toList();
    }
}
