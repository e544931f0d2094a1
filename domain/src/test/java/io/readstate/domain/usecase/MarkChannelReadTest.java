package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.message;
import static io.readstate.domain.model.Events.read;
import static io.readstate.domain.model.Events.readToTheHead;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarkChannelReadTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Instant JOINED_AT = Instant.parse("2026-11-26T18:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final MarkChannelRead markChannelRead =
            new MarkChannelRead(new EventRecorder(state, Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeEach
    void aliceHasFourUnreadMessages() {
        state.record(List.of(
                new MemberJoined(GENERAL, ALICE, OptionalLong.of(0), JOINED_AT),
                message(GENERAL, 1, BOB), message(GENERAL, 2, BOB, ALICE), message(GENERAL, 3, BOB),
                message(GENERAL, 4, BOB)));
    }

    @Test
    void a_read_moves_the_read_position_and_answers_with_the_member_state() {
        Outcome outcome = markChannelRead.read(read(GENERAL, ALICE, 2));

        assertThat(outcome).isEqualTo(new Outcome.ReadRecorded(
                new MemberState(GENERAL, ALICE, 2, false, 0, 2, NOW, 4), true));
    }

    @Test
    void a_read_without_seq_reads_up_to_the_head() {
        Outcome outcome = markChannelRead.read(readToTheHead(GENERAL, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.ReadRecorded(
                new MemberState(GENERAL, ALICE, 0, false, 0, 4, NOW, 4), true));
    }

    @Test
    void a_read_above_the_head_reads_up_to_the_head() {
        markChannelRead.read(read(GENERAL, ALICE, 1_000));

        assertThat(state.member(GENERAL, ALICE).orElseThrow().lastReadSeq()).isEqualTo(4);
    }

    @Test
    void a_stale_read_is_not_applied_and_keeps_the_earlier_read_time() {
        Instant earlier = Instant.parse("2026-11-26T18:30:00Z");
        markChannelRead.read(new ChannelRead(GENERAL, ALICE, OptionalLong.of(3), earlier));

        Outcome outcome = markChannelRead.read(read(GENERAL, ALICE, 2));

        assertThat(outcome).isEqualTo(new Outcome.ReadRecorded(
                new MemberState(GENERAL, ALICE, 1, false, 0, 3, earlier, 4), false));
    }

    @Test
    void a_read_by_a_user_who_is_not_a_member_is_rejected() {
        assertThat(markChannelRead.read(read(GENERAL, BOB, 2))).isEqualTo(new Outcome.NotAMember(GENERAL, BOB));
        assertThat(state.member(GENERAL, BOB)).isEmpty();
    }

    @Test
    void a_read_in_a_channel_never_seen_is_rejected_and_creates_nothing() {
        ChannelId unknown = ChannelId.of("unknown");

        assertThat(markChannelRead.read(read(unknown, ALICE, 2))).isEqualTo(new Outcome.NotAMember(unknown, ALICE));
        assertThat(state.channel(unknown)).isEmpty();
    }
}
