package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelEventTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");

    @Test
    void events_that_carry_no_time_are_the_same_once_stamped() {
        ChannelEvent leave = new MemberLeft(GENERAL, UserId.of("alice"));
        ChannelEvent delete = new MessageDeleted(GENERAL, 3);

        assertThat(leave.stampedAt(NOW)).isSameAs(leave);
        assertThat(delete.stampedAt(NOW)).isSameAs(delete);
    }

    @Test
    void times_are_kept_to_the_millisecond() {
        assertThat(ChannelEvent.toMillis(Instant.parse("2026-11-26T19:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-11-26T19:00:00.123Z"));
        assertThat(ChannelEvent.toMillis(NOW)).isEqualTo(NOW);
        assertThat(ChannelEvent.toMillis(null)).isNull();
    }
}
