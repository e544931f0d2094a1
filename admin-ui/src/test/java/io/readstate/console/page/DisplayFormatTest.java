package io.readstate.console.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DisplayFormatTest {

    @Test
    void counts_are_grouped_by_thousands() {
        assertThat(DisplayFormat.count(0)).isEqualTo("0");
        assertThat(DisplayFormat.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void durations_read_in_the_unit_that_fits() {
        assertThat(DisplayFormat.duration(0)).isEqualTo("0 ms");
        assertThat(DisplayFormat.duration(840)).isEqualTo("840 ms");
        assertThat(DisplayFormat.duration(4_200)).isEqualTo("4.2 s");
        assertThat(DisplayFormat.duration(200_000)).isEqualTo("3 min 20 s");
        assertThat(DisplayFormat.duration(7_500_000)).isEqualTo("2 h 05 min");
        assertThat(DisplayFormat.duration((Long) null)).isEqualTo(DisplayFormat.NONE);
    }

    @Test
    void ratios_that_are_not_numbers_yet_show_as_a_dash() {
        assertThat(DisplayFormat.decimal(Double.NaN)).isEqualTo(DisplayFormat.NONE);
        assertThat(DisplayFormat.decimal(8.44)).isEqualTo("8.4");
        assertThat(DisplayFormat.decimal(1234.5)).isEqualTo("1,235");
    }

    @Test
    void instants_show_as_utc_time_of_day_and_how_long_ago() {
        Instant at = Instant.parse("2026-11-26T19:00:03.250Z");

        assertThat(DisplayFormat.clock(at)).isEqualTo("19:00:03 UTC");
        assertThat(DisplayFormat.exact(at)).isEqualTo("2026-11-26 19:00:03.250 UTC");
        assertThat(DisplayFormat.ago(at, at.plusMillis(2_000))).isEqualTo("2.0 s ago");
        assertThat(DisplayFormat.ago(at, at.plusMillis(300))).isEqualTo("just now");
    }
}
