package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void cache_only_is_available() {
        assertThat(Mode.named("cache-only")).isEqualTo(Mode.CACHE_ONLY);
        assertThat(Mode.CACHE_ONLY.isAvailable()).isTrue();
        assertThat(Mode.CACHE_ONLY).hasToString("cache-only");
    }

    @Test
    void an_unknown_mode_names_the_choices() {
        assertThatThrownBy(() -> Mode.named("write-around"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write-around")
                .hasMessageContaining("write-behind, write-through, cache-only");
    }

    @Test
    void a_mode_not_available_yet_says_so() {
        assertThat(Mode.WRITE_BEHIND.isAvailable()).isFalse();
        assertThatThrownBy(() -> Mode.named("write-through"))
                .hasMessageContaining("not available")
                .hasMessageContaining("cache-only");
    }
}
