package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.message;
import static io.readstate.domain.model.Events.messageToAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ShowMemberStateTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Instant JOINED_AT = Instant.parse("2026-11-26T18:00:00Z");

    private final InMemoryReadState state = new InMemoryReadState(2);
    private final ShowMemberState showMemberState = new ShowMemberState(state);

    @Test
    void a_member_sees_its_read_position_and_the_counts_that_follow() {
        state.record(List.of(new MemberJoined(GENERAL, ALICE, OptionalLong.of(0), JOINED_AT),
                message(GENERAL, 1, BOB, ALICE), messageToAll(GENERAL, 2, BOB)));

        assertThat(showMemberState.show(GENERAL, ALICE))
                .contains(new MemberState(GENERAL, ALICE, 2, false, 2, 0, JOINED_AT, 2));
    }

    @Test
    void a_member_behind_the_window_sees_a_capped_count() {
        state.record(List.of(new MemberJoined(GENERAL, ALICE, OptionalLong.of(0), JOINED_AT),
                message(GENERAL, 1, BOB, ALICE), message(GENERAL, 2, BOB), message(GENERAL, 3, BOB)));

        assertThat(showMemberState.show(GENERAL, ALICE))
                .contains(new MemberState(GENERAL, ALICE, 2, true, 0, 0, JOINED_AT, 3));
    }

    @Test
    void a_user_that_is_not_a_member_has_no_state() {
        state.record(List.of(message(GENERAL, 1, BOB)));

        assertThat(showMemberState.show(GENERAL, ALICE)).isEmpty();
        assertThat(showMemberState.show(ChannelId.of("unknown"), ALICE)).isEmpty();
    }
}
