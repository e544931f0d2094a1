package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void every_mode_is_known_by_its_api_name() {
        assertThat(Mode.named("write-behind")).isEqualTo(Mode.WRITE_BEHIND);
        assertThat(Mode.named("write-through")).isEqualTo(Mode.WRITE_THROUGH);
        assertThat(Mode.named("cache-only")).isEqualTo(Mode.CACHE_ONLY);
        assertThat(Mode.CACHE_ONLY).hasToString("cache-only");
    }

    @Test
    void only_cache_only_keeps_nothing_in_postgres() {
        assertThat(Mode.WRITE_BEHIND.isDurable()).isTrue();
        assertThat(Mode.WRITE_THROUGH.isDurable()).isTrue();
        assertThat(Mode.CACHE_ONLY.isDurable()).isFalse();
    }

    @Test
    void an_unknown_mode_names_the_choices() {
        assertThatThrownBy(() -> Mode.named("write-around"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write-around")
                .hasMessageContaining("write-behind, write-through, cache-only");
    }
}
