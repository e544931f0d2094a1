package io.readstate.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextParamsTest {

    @Test
    void digits_within_the_range_are_read() {
        Problems problems = new Problems();

        assertThat(TextParams.seq("seq", "9223372036854775807", problems)).hasValue(Long.MAX_VALUE);
        assertThat(TextParams.integer("limit", "1000", 1, 1000, problems)).hasValue(1000);
        assertThat(problems.any()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "abc", "", "9223372036854775808",
            "99999999999999999999999"})
    void anything_else_is_a_problem_of_the_field(String text) {
        Problems problems = new Problems();

        assertThat(TextParams.seq("seq", text, problems)).isEmpty();
        assertThat(problems.any()).isTrue();
    }

    @Test
    void a_missing_value_is_required() {
        Problems problems = new Problems();
        TextParams.seq("seq", null, problems);

        try {
            problems.throwIfAny();
        } catch (InvalidInput e) {
            assertThat(e.problems()).extracting("problem").containsExactly("is required");
            return;
        }
        throw new AssertionError("no problem noted");
    }
}
