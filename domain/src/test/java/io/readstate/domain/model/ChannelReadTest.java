package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelReadTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");

    @Test
    void a_reader_is_required() {
        assertThatThrownBy(() -> new ChannelRead(GENERAL, null, OptionalLong.empty(), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("userId", "is required")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void a_seq_below_1_is_rejected(long seq) {
        assertThatThrownBy(() -> new ChannelRead(GENERAL, ALICE, OptionalLong.of(seq), null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("seq"));
    }

    @Test
    void no_seq_given_means_up_to_the_head() {
        assertThat(new ChannelRead(GENERAL, ALICE, null, null).upToSeq()).isEmpty();
    }

    @Test
    void a_read_without_a_time_is_stamped_to_the_millisecond() {
        ChannelRead read = new ChannelRead(GENERAL, ALICE, OptionalLong.of(3), null);

        assertThat(read.stampedAt(Instant.parse("2026-11-26T19:00:00.123999Z")))
                .isEqualTo(new ChannelRead(GENERAL, ALICE, OptionalLong.of(3), Instant.parse("2026-11-26T19:00:00.123Z")));
    }

    @Test
    void a_read_with_a_time_keeps_it() {
        ChannelRead read = new ChannelRead(GENERAL, ALICE, OptionalLong.empty(), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(read.stampedAt(Instant.parse("2026-11-26T19:00:00Z"))).isSameAs(read);
    }
}
