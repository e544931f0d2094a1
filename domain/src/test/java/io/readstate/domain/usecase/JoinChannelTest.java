package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.joinFrom;
import static io.readstate.domain.model.Events.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinChannelTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final JoinChannel joinChannel = new JoinChannel(new EventRecorder(state, Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeEach
    void bobSentThreeMessages() {
        state.record(List.of(message(GENERAL, 1, BOB), message(GENERAL, 2, BOB), message(GENERAL, 3, BOB)));
    }

    @Test
    void a_new_member_reads_from_the_head_as_of_now() {
        Outcome outcome = joinChannel.join(join(GENERAL, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Joined(new MemberState(GENERAL, ALICE, 0, false, 0, 3, NOW, 3), true));
    }

    @Test
    void a_new_member_may_start_from_a_read_position_at_or_below_the_head() {
        Outcome outcome = joinChannel.join(joinFrom(GENERAL, ALICE, 1));

        assertThat(outcome).isEqualTo(new Outcome.Joined(new MemberState(GENERAL, ALICE, 2, false, 0, 1, NOW, 3), true));
    }

    @Test
    void a_read_position_above_the_head_is_rejected_and_changes_nothing() {
        Outcome outcome = joinChannel.join(joinFrom(GENERAL, ALICE, 4));

        assertThat(outcome).isEqualTo(new Outcome.ReadPositionAboveHead(4, 3));
        assertThat(state.member(GENERAL, ALICE)).isEmpty();
        assertThat(state.channel(GENERAL).orElseThrow().memberCount()).isZero();
    }

    @Test
    void joining_again_is_not_a_new_membership_and_changes_nothing() {
        joinChannel.join(joinFrom(GENERAL, ALICE, 1));

        Outcome again = joinChannel.join(joinFrom(GENERAL, ALICE, 0));

        assertThat(again).isEqualTo(new Outcome.Joined(new MemberState(GENERAL, ALICE, 2, false, 0, 1, NOW, 3), false));
    }

    @Test
    void a_join_to_a_channel_never_seen_creates_it() {
        ChannelId fresh = ChannelId.of("fresh");

        joinChannel.join(join(fresh, ALICE));

        assertThat(state.channel(fresh).orElseThrow().memberCount()).isEqualTo(1);
    }
}
