package io.readstate.console.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers, durations and instants for people: short, and the same everywhere. */
public final class DisplayFormat {

    /** Shown where a value is unknown or does not exist yet. */
    public static final String NONE = "—";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_AND_CLOCK = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DisplayFormat() {
    }

    /** 1234567 as {@code 1,234,567}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A rate or ratio with one decimal ({@code 1,234.5}), or {@link #NONE} when it is not a number. */
    public static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NONE;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    /** {@code 840 ms}, {@code 4.2 s}, {@code 3 min 20 s}, {@code 2 h 05 min}. */
    public static String duration(long millis) {
        if (millis < 0) {
            return NONE;
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        Duration d = Duration.ofMillis(millis);
        if (millis < 3_600_000) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }

    public static String duration(Long millis) {
        return millis == null ? NONE : duration(millis.longValue());
    }

    /** The time of day, {@code 19:00:05 UTC}. */
    public static String clock(Instant at) {
        return at == null ? NONE : CLOCK.format(at);
    }

    /** The full instant, to the millisecond, for a tooltip. */
    public static String exact(Instant at) {
        return at == null ? "" : DATE_AND_CLOCK.format(at);
    }

    /** How long before {@code now} an instant was: {@code 12.0 s ago}, or {@code just now}. */
    public static String ago(Instant at, Instant now) {
        if (at == null) {
            return NONE;
        }
        long millis = Duration.between(at, now).toMillis();
        return millis < 1_000 ? "just now" : duration(millis) + " ago";
    }
}
