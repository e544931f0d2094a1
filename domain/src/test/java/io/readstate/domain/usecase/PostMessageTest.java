package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.message;
import static io.readstate.domain.model.Events.messageToAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostMessageTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final EventRecorder recorder = new EventRecorder(state, Clock.fixed(NOW, ZoneOffset.UTC));
    private final PostMessage postMessage = new PostMessage(recorder);

    @BeforeEach
    void aliceBobAndCarolAreMembers() {
        new JoinChannel(recorder).join(join(GENERAL, ALICE));
        new JoinChannel(recorder).join(join(GENERAL, BOB));
        new JoinChannel(recorder).join(join(GENERAL, CAROL));
    }

    @Test
    void a_message_counts_for_every_member_but_the_sender_and_says_how_many() {
        Outcome.MessageAccepted outcome = postMessage.post(message(GENERAL, 1, ALICE, BOB));

        assertThat(outcome).isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, true, 2, 1));
        assertThat(state.member(GENERAL, BOB).orElseThrow().mentions()).isEqualTo(1);
        assertThat(state.member(GENERAL, CAROL).orElseThrow().unread()).isEqualTo(1);
        assertThat(state.member(GENERAL, ALICE).orElseThrow().unread()).isZero();
    }

    @Test
    void a_message_mentioning_everyone_is_a_mention_for_every_recipient() {
        assertThat(postMessage.post(messageToAll(GENERAL, 1, ALICE)))
                .isEqualTo(new Outcome.MessageAccepted(GENERAL, 1, true, 2, 2));
    }

    @Test
    void a_duplicate_delivery_is_not_applied() {
        postMessage.post(message(GENERAL, 1, ALICE, BOB));

        assertThat(postMessage.post(message(GENERAL, 1, ALICE, BOB)).applied()).isFalse();
        assertThat(state.member(GENERAL, BOB).orElseThrow().unread()).isEqualTo(1);
    }

    @Test
    void a_message_without_a_time_was_sent_now() {
        postMessage.post(message(GENERAL, 1, ALICE));

        assertThat(state.channel(GENERAL).orElseThrow().lastMessageAt()).isEqualTo(NOW);
        assertThat(state.member(GENERAL, ALICE).orElseThrow().lastReadAt()).isEqualTo(NOW);
    }

    @Test
    void a_message_with_a_time_keeps_it() {
        Instant sentAt = Instant.parse("2026-11-26T18:59:58Z");

        postMessage.post(new MessagePosted(GENERAL, 1, ALICE, sentAt, Set.of(), false));

        assertThat(state.channel(GENERAL).orElseThrow().lastMessageAt()).isEqualTo(sentAt);
    }

    @Test
    void a_message_to_a_channel_never_seen_creates_it() {
        postMessage.post(message(ChannelId.of("new"), 9, ALICE));

        assertThat(state.channel(ChannelId.of("new")).orElseThrow().headSeq()).isEqualTo(9);
    }
}
