package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A seq runs from 1 to 2^63-1; a read position may also be 0, nothing read. */
class SeqTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 1_000_000, Long.MAX_VALUE})
    void a_seq_from_1_to_the_largest_long_is_valid(long seq) {
        assertThat(Seq.requireValid("seq", seq)).isEqualTo(seq);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -42, Long.MIN_VALUE})
    void a_seq_below_1_is_rejected(long seq) {
        assertThatThrownBy(() -> Seq.requireValid("seq", seq))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("seq", "must be an integer from 1 to 9223372036854775807")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, Long.MAX_VALUE})
    void a_read_position_may_be_0_or_a_seq(long position) {
        assertThat(Seq.requireReadPosition("lastReadSeq", position)).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void a_negative_read_position_is_rejected(long position) {
        assertThatThrownBy(() -> Seq.requireReadPosition("lastReadSeq", position))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("lastReadSeq"));
    }

    @Test
    void nothing_read_is_position_0() {
        assertThat(Seq.NONE).isZero();
    }
}
