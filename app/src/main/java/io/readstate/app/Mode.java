package io.readstate.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the service keeps the read state: in Redis only, or in Redis with PostgreSQL
 * behind it. Only the modes marked available can run in this version; naming another
 * one stops the service at start.
 */
public enum Mode {
    WRITE_BEHIND("write-behind", false),
    WRITE_THROUGH("write-through", false),
    CACHE_ONLY("cache-only", true);

    private final String apiName;
    private final boolean available;

    Mode(String apiName, boolean available) {
        this.apiName = apiName;
        this.available = available;
    }

    /** The mode of that name; throws {@link IllegalArgumentException} naming the choices when there is none, or it is not available. */
    @JsonCreator
    public static Mode named(String name) {
        Mode mode = Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "mode '" + name + "' is unknown: use one of " + names(false) + " (available now: " + names(true) + ")"));
        if (!mode.available) {
            throw new IllegalArgumentException(
                    "mode '" + name + "' is not available in this version: use " + names(true));
        }
        return mode;
    }

    public boolean isAvailable() {
        return available;
    }

    @JsonValue
    @Override
    public String toString() {
        return apiName;
    }

    private static String names(boolean onlyAvailable) {
        return Arrays.stream(values()).filter(m -> !onlyAvailable || m.available).map(m -> m.apiName)
                .collect(Collectors.joining(", "));
    }
}
