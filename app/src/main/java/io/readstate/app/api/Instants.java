package io.readstate.app.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
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
        Instant usual = parseUsual(text);
        if (usual != null) {
            return Optional.of(usual);
        }
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

    /**
     * The form chat services send, {@code uuuu-MM-ddTHH:mm:ss[.fraction]Z} with a valid date, an
     * hour up to 23 and a second up to 59, read without java.time's parser (which took 8% of the
     * service's CPU samples under {@code /v1/events}, messages' sentAt); null for anything else, which
     * {@link Instant#parse} then reads as before. Every time of this form is one that
     * {@code Instant.parse} reads, and to the same instant.
     */
    private static Instant parseUsual(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The number written in {@code count} ASCII digits from {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
