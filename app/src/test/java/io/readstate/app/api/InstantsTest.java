package io.readstate.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {

    @Test
    void times_are_written_in_utc_with_milliseconds() {
        assertThat(Instants.format(Instant.parse("2026-11-26T19:00:00Z"))).isEqualTo("2026-11-26T19:00:00.000Z");
        assertThat(Instants.format(Instant.parse("2026-11-26T19:00:00.123456789Z"))).isEqualTo("2026-11-26T19:00:00.123Z");
        assertThat(Instants.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00.000Z");
        assertThat(Instants.format(null)).isNull();
    }

    @Test
    void instants_and_date_times_with_an_offset_are_read() {
        assertThat(Instants.parse("2026-11-26T19:00:00.123Z")).contains(Instant.parse("2026-11-26T19:00:00.123Z"));
        assertThat(Instants.parse("2026-11-26T20:00:00+01:00")).contains(Instant.parse("2026-11-26T19:00:00Z"));
        assertThat(Instants.parse("9999-12-31T23:59:59.999Z")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "now", "2026-11-26", "2026-11-26T19:00:00", "2026-11-26 19:00:00Z",
            "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "2026-13-01T00:00:00Z"})
    void anything_else_is_no_time(String text) {
        assertThat(Instants.parse(text)).isEmpty();
    }
}
