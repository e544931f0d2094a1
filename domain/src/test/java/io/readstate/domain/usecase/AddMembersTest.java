package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.joinAll;
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
import org.junit.jupiter.api.Test;

class AddMembersTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final AddMembers addMembers = new AddMembers(new EventRecorder(state, Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void a_bulk_join_counts_the_users_added_and_those_already_members() {
        state.record(List.of(join(GENERAL, ALICE)));

        assertThat(addMembers.add(joinAll(GENERAL, ALICE, BOB, CAROL))).isEqualTo(new Outcome.MembersAdded(2, 1));
    }

    @Test
    void a_user_named_twice_counts_as_already_a_member_the_second_time() {
        assertThat(addMembers.add(joinAll(GENERAL, BOB, BOB, CAROL))).isEqualTo(new Outcome.MembersAdded(2, 1));
        assertThat(state.channel(GENERAL).orElseThrow().memberCount()).isEqualTo(2);
    }

    @Test
    void every_new_member_reads_from_the_head_as_of_now() {
        state.record(List.of(message(GENERAL, 5, ALICE)));

        addMembers.add(joinAll(GENERAL, BOB, CAROL));

        assertThat(state.member(GENERAL, BOB)).contains(new MemberState(GENERAL, BOB, 0, false, 0, 5, NOW, 5));
        assertThat(state.member(GENERAL, CAROL).orElseThrow().lastReadSeq()).isEqualTo(5);
    }

    @Test
    void adding_only_members_applies_nothing() {
        addMembers.add(joinAll(GENERAL, BOB));

        Outcome.MembersAdded again = addMembers.add(joinAll(GENERAL, BOB));

        assertThat(again).isEqualTo(new Outcome.MembersAdded(0, 1));
        assertThat(again.applied()).isFalse();
    }
}
