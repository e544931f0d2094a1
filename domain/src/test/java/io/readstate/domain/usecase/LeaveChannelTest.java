package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.joinFrom;
import static io.readstate.domain.model.Events.leave;
import static io.readstate.domain.model.Events.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaveChannelTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final LeaveChannel leaveChannel = new LeaveChannel(
            new EventRecorder(state, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC)));

    @Test
    void a_member_leaves_and_its_state_is_gone() {
        state.record(List.of(join(GENERAL, ALICE), message(GENERAL, 1, BOB, ALICE)));

        assertThat(leaveChannel.leave(leave(GENERAL, ALICE))).isEqualTo(new Outcome.Left());
        assertThat(state.member(GENERAL, ALICE)).isEmpty();
        assertThat(state.memberships(ALICE)).isEmpty();
        assertThat(state.channel(GENERAL).orElseThrow().memberCount()).isZero();
    }

    @Test
    void a_user_that_leaves_and_joins_again_starts_afresh() {
        state.record(List.of(join(GENERAL, ALICE), message(GENERAL, 1, BOB, ALICE)));
        leaveChannel.leave(leave(GENERAL, ALICE));

        state.record(List.of(joinFrom(GENERAL, ALICE, 0)));

        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isEqualTo(1);
        assertThat(state.member(GENERAL, ALICE).orElseThrow().mentions()).isZero();
    }

    @Test
    void leaving_a_channel_one_is_not_a_member_of_is_rejected() {
        state.record(List.of(join(GENERAL, ALICE)));

        assertThat(leaveChannel.leave(leave(GENERAL, BOB))).isEqualTo(new Outcome.NotAMember(GENERAL, BOB));
        assertThat(state.channel(GENERAL).orElseThrow().memberCount()).isEqualTo(1);
    }

    @Test
    void leaving_a_channel_never_seen_is_rejected() {
        ChannelId unknown = ChannelId.of("unknown");

        assertThat(leaveChannel.leave(leave(unknown, ALICE))).isEqualTo(new Outcome.NotAMember(unknown, ALICE));
    }
}
