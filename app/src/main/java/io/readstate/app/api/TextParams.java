package io.readstate.app.api;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Numbers given as text, in a path or a query string, read strictly: digits only, no sign, no spaces. */
public final class TextParams {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private TextParams() {
    }

    /** An integer from {@code min} to {@code max}; empty with a problem noted otherwise (or when absent). */
    public static OptionalLong integer(String field, String text, long min, long max, Problems problems) {
        if (text == null) {
            problems.add(field, "is required");
            return OptionalLong.empty();
        }
        if (DIGITS.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return OptionalLong.of(value);
                }
            } catch (NumberFormatException tooLarge) {
                // reported below with the range
            }
        }
        problems.add(field, "must be an integer from " + min + " to " + max);
        return OptionalLong.empty();
    }

    public static OptionalLong seq(String field, String text, Problems problems) {
        return integer(field, text, 1, Long.MAX_VALUE, problems);
    }
}
