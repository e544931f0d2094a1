package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.join;
import static io.readstate.domain.model.Events.leave;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShowChannelTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Instant SENT_AT = Instant.parse("2026-11-26T19:00:00.123Z");

    private final InMemoryReadState state = new InMemoryReadState(100);
    private final ShowChannel showChannel = new ShowChannel(state);

    @Test
    void a_channel_never_seen_is_not_shown() {
        assertThat(showChannel.show(GENERAL)).isEmpty();
    }

    @Test
    void a_channel_shows_its_head_member_count_and_last_message_time() {
        state.record(List.of(join(GENERAL, ALICE), join(GENERAL, BOB), leave(GENERAL, BOB),
                new MessagePosted(GENERAL, 3, BOB, SENT_AT.minusSeconds(5), Set.of(), false),
                new MessagePosted(GENERAL, 8, BOB, SENT_AT, Set.of(), false)));

        assertThat(showChannel.show(GENERAL)).contains(new ChannelSummary(GENERAL, 8, 1, SENT_AT));
    }

    @Test
    void a_channel_without_messages_has_head_0_and_no_last_message_time() {
        state.record(List.of(join(GENERAL, ALICE)));

        assertThat(showChannel.show(GENERAL)).contains(new ChannelSummary(GENERAL, 0, 1, null));
    }

    @Test
    void a_duplicate_message_does_not_change_the_last_message_time() {
        state.record(List.of(new MessagePosted(GENERAL, 3, BOB, SENT_AT, Set.of(), false),
                new MessagePosted(GENERAL, 3, BOB, SENT_AT.plusSeconds(60), Set.of(), false),
                new MessagePosted(GENERAL, 2, BOB, SENT_AT.plusSeconds(90), Set.of(), false)));

        assertThat(showChannel.show(GENERAL).orElseThrow().lastMessageAt()).isEqualTo(SENT_AT);
    }
}
