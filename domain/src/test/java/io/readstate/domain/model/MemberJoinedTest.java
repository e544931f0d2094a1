package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemberJoinedTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");

    @Test
    void a_negative_read_position_is_rejected() {
        assertThatThrownBy(() -> new MemberJoined(GENERAL, ALICE, OptionalLong.of(-1), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("lastReadSeq", "must be an integer from 0 to 9223372036854775807")));
    }

    @Test
    void a_member_may_join_having_read_nothing() {
        assertThat(new MemberJoined(GENERAL, ALICE, OptionalLong.of(0), null).lastReadSeq()).hasValue(0);
    }

    @Test
    void no_read_position_given_means_from_the_head() {
        assertThat(new MemberJoined(GENERAL, ALICE, null, null).lastReadSeq()).isEmpty();
    }

    @Test
    void a_join_without_a_time_is_stamped_to_the_millisecond() {
        MemberJoined join = new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), null);

        assertThat(join.stampedAt(Instant.parse("2026-11-26T19:00:00.000999Z")).joinedAt())
                .isEqualTo(Instant.parse("2026-11-26T19:00:00Z"));
    }

    @Test
    void a_join_with_a_time_keeps_it() {
        MemberJoined join = new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(join.stampedAt(Instant.parse("2026-11-26T19:00:00Z"))).isSameAs(join);
    }
}
