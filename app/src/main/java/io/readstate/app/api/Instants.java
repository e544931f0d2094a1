package io.readstate.app.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as the API writes them ({@code 2026-11-26T19:00:00.123Z}, UTC, milliseconds) and reads them. */
public final class Instants {

    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private Instants() {
    }

    public static String format(Instant time) {
        return time == null ? null : WRITTEN.format(time);
    }

    /** An ISO-8601 instant ({@code ...Z}) or date-time with offset, between the years 0000 and 9999. */
    public static Optional<Instant> parse(String text) {
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException notATime) {
                return Optional.empty();
            }
        }
        return time.isBefore(EARLIEST) || !time.isBefore(AFTER_LATEST) ? Optional.empty() : Optional.of(time);
    }
}
