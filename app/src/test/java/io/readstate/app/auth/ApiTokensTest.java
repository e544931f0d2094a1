package io.readstate.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void only_the_configured_tokens_are_accepted() {
        ApiTokens tokens = new ApiTokens(List.of("first", "second"));

        assertThat(tokens.accepts("first")).isTrue();
        assertThat(tokens.accepts("second")).isTrue();
        assertThat(tokens.accepts("firs")).isFalse();
        assertThat(tokens.accepts("first ")).isFalse();
        assertThat(tokens.accepts("")).isFalse();
    }

    @Test
    void no_tokens_accept_nothing() {
        assertThat(new ApiTokens(List.of()).accepts("")).isFalse();
    }
}
