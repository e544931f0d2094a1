package io.readstate.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
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

    /**
     * Times in the form chat services send are read without java.time's parser: each must come out
     * as {@link Instant#parse} reads it, or be refused where it refuses, over random dates (leap
     * days, day 31 of short months), times (hour 24, second 60) and fractions of 0 to 10 digits.
     */
    @Test
    void the_usual_form_is_read_as_instant_parse_reads_it() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(61), random.nextInt(62)));
            int fraction = random.nextInt(12) - 1;
            if (fraction >= 0) {
                text.append('.');
                for (int d = 0; d < fraction; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String time = text.append('Z').toString();
            assertThat(Instants.parse(time)).as(time).isEqualTo(byJavaTime(time));
        }
    }

    private static Optional<Instant> byJavaTime(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException refused) {
            return Optional.empty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "now", "2026-11-26", "2026-11-26T19:00:00", "2026-11-26 19:00:00Z",
            "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "2026-13-01T00:00:00Z"})
    void anything_else_is_no_time(String text) {
        assertThat(Instants.parse(text)).isEmpty();
    }
}
