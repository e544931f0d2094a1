package io.readstate.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

    private final RequestBodies bodies = new RequestBodies();

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int statusOf(Runnable reading) {
        try {
            reading.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void a_json_object_is_read_as_a_tree() {
        assertThat(bodies.required(body("{\"a\": [1, 2.5, \"x\"]}")).toString()).isEqualTo("{\"a\":[1,2.5,\"x\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\": 1,}", "{\"a\": 1} {}", "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}", "nul",
            "{\"a\": 01}", "{\"a\": NaN}", "'text'", "{\"a\": \"\\x\"}"})
    void text_that_is_not_strict_json_is_malformed(String text) {
        assertThatThrownBy(() -> bodies.required(body(text)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("malformed_json"));
    }

    @Test
    void bytes_that_are_not_utf8_are_malformed() {
        byte[] latin1 = "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(statusOf(() -> bodies.required(new ByteArrayInputStream(latin1)))).isEqualTo(400);
    }

    @Test
    void json_nested_deeper_than_64_levels_is_malformed() {
        assertThat(statusOf(() -> bodies.required(body("[".repeat(64) + "]".repeat(64))))).isEqualTo(200);
        assertThat(statusOf(() -> bodies.required(body("[".repeat(65) + "]".repeat(65))))).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void an_empty_body_is_malformed_where_one_is_required_and_an_empty_object_where_not(String text) {
        assertThat(statusOf(() -> bodies.required(body(text)))).isEqualTo(400);
        assertThat(bodies.optional(body(text)).toString()).isEqualTo("{}");
        assertThat(bodies.optional(null).toString()).isEqualTo("{}");
    }

    @Test
    void values_other_than_objects_are_read_for_the_caller_to_reject() {
        assertThat(bodies.required(body("[1]")).isArray()).isTrue();
        assertThat(bodies.required(body("null")).isNull()).isTrue();
    }

    @Test
    void a_body_of_more_than_1_mib_is_too_large_even_without_a_length() {
        String json = "{}" + " ".repeat(RequestBodies.MAX_BYTES - 2);

        assertThat(statusOf(() -> bodies.required(body(json)))).isEqualTo(200);
        assertThat(statusOf(() -> bodies.required(body(json + " ")))).isEqualTo(413);
    }

    @Test
    void a_body_that_cannot_be_read_is_a_400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThat(statusOf(() -> bodies.required(broken))).isEqualTo(400);
    }
}
