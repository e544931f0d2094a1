package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageDeletedTest {

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void a_seq_below_1_is_rejected(long seq) {
        assertThatThrownBy(() -> new MessageDeleted(ChannelId.of("general"), seq))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("seq"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, Long.MAX_VALUE})
    void any_valid_seq_may_be_deleted(long seq) {
        assertThat(new MessageDeleted(ChannelId.of("general"), seq).seq()).isEqualTo(seq);
    }
}
