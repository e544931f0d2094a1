package io.readstate.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthFactoryTest {

    @Test
    void the_tokens_are_a_comma_separated_list() {
        AuthFactory auth = new AuthFactory();
        auth.setApiTokens(" one, two ,,three ");

        ApiTokens tokens = auth.buildApiTokens();

        assertThat(tokens.accepts("one")).isTrue();
        assertThat(tokens.accepts("two")).isTrue();
        assertThat(tokens.accepts("three")).isTrue();
        assertThat(tokens.accepts("")).isFalse();
        assertThat(auth.getApiTokens()).isEqualTo(" one, two ,,three ");
    }

    @Test
    void without_a_configured_token_one_is_generated_at_random_once() {
        AuthFactory auth = new AuthFactory();
        auth.setApiTokens("  ");

        ApiTokens tokens = auth.buildApiTokens();
        String generated = auth.getApiTokens();

        assertThat(generated).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.accepts(generated)).isTrue();
        assertThat(auth.buildApiTokens().accepts(generated)).isTrue();
        assertThat(auth.getApiTokens()).isEqualTo(generated);
    }

    @Test
    void without_an_admin_password_one_is_generated_and_kept() {
        AuthFactory auth = new AuthFactory();

        AdminCredentials first = auth.adminCredentials();
        AdminCredentials second = auth.adminCredentials();

        assertThat(first.user()).isEqualTo("admin");
        assertThat(first.password()).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).isEqualTo(first);
        assertThat(first.toString()).doesNotContain(first.password());
    }

    @Test
    void generated_secrets_differ() {
        assertThat(new AuthFactory().adminCredentials().password())
                .isNotEqualTo(new AuthFactory().adminCredentials().password());
    }

    @Test
    void a_configured_admin_password_is_kept() {
        AuthFactory auth = new AuthFactory();
        auth.setAdminUser("ops");
        auth.setAdminPassword("chosen");

        assertThat(auth.adminCredentials()).isEqualTo(new AdminCredentials("ops", "chosen"));
    }
}
