package io.readstate.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {

    private final CsrfGuard guard = new CsrfGuard("a secret only the server knows");
    private final String token = guard.token();

    @Test
    void a_form_with_the_right_token_from_the_console_itself_is_accepted() {
        assertThat(guard.rejectionOf(post(token, "http://127.0.0.1:8081", "http://127.0.0.1:8081/console"))).isEmpty();
    }

    @Test
    void a_form_with_the_right_token_and_no_origin_headers_is_accepted() {
        assertThat(guard.rejectionOf(post(token, null, null))).isEmpty();
    }

    @Test
    void a_form_without_a_token_is_refused() {
        assertThat(guard.rejectionOf(post(null, null, null))).isPresent();
        assertThat(guard.rejectionOf(post("", "http://127.0.0.1:8081", null))).isPresent();
    }

    @Test
    void a_form_with_a_wrong_token_is_refused() {
        String other = new CsrfGuard("another secret").token();

        assertThat(guard.rejectionOf(post(other, "http://127.0.0.1:8081", null))).isPresent();
        assertThat(guard.rejectionOf(post(token + "x", null, null))).isPresent();
    }

    @Test
    void a_form_posted_from_another_origin_is_refused_even_with_the_right_token() {
        assertThat(guard.rejectionOf(post(token, "https://evil.example", null))).isPresent();
        assertThat(guard.rejectionOf(post(token, "http://127.0.0.1:9999", null)))
                .as("same host, another port").isPresent();
        assertThat(guard.rejectionOf(post(token, "null", null))).as("an opaque origin").isPresent();
    }

    @Test
    void a_form_posted_from_another_sites_page_is_refused_when_only_the_referer_tells() {
        assertThat(guard.rejectionOf(post(token, null, "https://evil.example/page"))).isPresent();
    }

    @Test
    void the_token_depends_on_the_secret_and_does_not_reveal_it() {
        assertThat(new CsrfGuard("a secret only the server knows").token()).isEqualTo(token);
        assertThat(token).doesNotContain("secret").hasSizeGreaterThan(40);
    }

    @Test
    void a_blank_secret_is_refused_at_start() {
        assertThatThrownBy(() -> new CsrfGuard(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsrfGuard(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FormSubmission post(String token, String origin, String referer) {
        return new FormSubmission(token, origin, referer, "127.0.0.1:8081", "http");
    }
}
