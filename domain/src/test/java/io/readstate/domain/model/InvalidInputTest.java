package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputTest {

    @Test
    void it_carries_every_problem_and_names_them_all_in_its_message() {
        List<Problem> problems = List.of(new Problem("seq", "is required"), new Problem("mentions[2]", "is too long"));

        InvalidInput invalid = new InvalidInput(problems);

        assertThat(invalid.problems()).containsExactlyElementsOf(problems);
        assertThat(invalid).hasMessage("seq: is required; mentions[2]: is too long");
    }

    @Test
    void one_problem_reads_as_field_and_problem() {
        InvalidInput invalid = InvalidInput.of("limit", "must be positive");

        assertThat(invalid).hasMessage("limit: must be positive");
        assertThat(invalid.problems()).containsExactly(new Problem("limit", "must be positive"));
    }

    @Test
    void its_problems_cannot_change_afterwards() {
        List<Problem> problems = new ArrayList<>(List.of(new Problem("a", "b")));
        InvalidInput invalid = new InvalidInput(problems);

        problems.add(new Problem("c", "d"));

        assertThat(invalid.problems()).hasSize(1);
        assertThatThrownBy(() -> invalid.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
