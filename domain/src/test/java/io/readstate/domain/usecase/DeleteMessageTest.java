package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.delete;
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

class DeleteMessageTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final DeleteMessage deleteMessage = new DeleteMessage(
            new EventRecorder(state, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC)));

    @BeforeEach
    void aliceHasTwoUnreadMessagesMentioningHer() {
        state.record(List.of(joinFrom(GENERAL, ALICE, 0), message(GENERAL, 1, BOB, ALICE),
                message(GENERAL, 2, BOB, ALICE)));
    }

    @Test
    void a_deleted_message_leaves_every_count_and_the_head_stays() {
        assertThat(deleteMessage.delete(delete(GENERAL, 2))).isEqualTo(new Outcome.Deleted(true));

        MemberState alice = state.member(GENERAL, ALICE).orElseThrow();
        assertThat(alice.unread()).isEqualTo(1);
        assertThat(alice.mentions()).isEqualTo(1);
        assertThat(alice.headSeq()).isEqualTo(2);
    }

    @Test
    void deleting_an_unknown_or_already_deleted_message_is_not_applied() {
        deleteMessage.delete(delete(GENERAL, 1));

        assertThat(deleteMessage.delete(delete(GENERAL, 1)).applied()).isFalse();
        assertThat(deleteMessage.delete(delete(GENERAL, 7)).applied()).isFalse();
        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isEqualTo(1);
    }

    @Test
    void deleting_in_a_channel_never_seen_is_not_applied_and_creates_nothing() {
        ChannelId unknown = ChannelId.of("unknown");

        assertThat(deleteMessage.delete(delete(unknown, 1)).applied()).isFalse();
        assertThat(state.channel(unknown)).isEmpty();
    }
}
