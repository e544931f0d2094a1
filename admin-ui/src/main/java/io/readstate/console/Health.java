package io.readstate.console;

import java.util.Objects;

/**
 * One health check as the console shows it: {@code redis}, {@code postgres} or
 * {@code sync-lag}, whether it passes, and what it says (the error when it does not).
 */
public record Health(String name, boolean healthy, String message) {

    public Health {
        Objects.requireNonNull(name, "name");
        message = message == null ? "" : message;
    }

    public static Health up(String name, String message) {
        return new Health(name, true, message);
    }

    public static Health down(String name, String message) {
        return new Health(name, false, message);
    }
}
