package io.readstate.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the service keeps the read state (the seed's patterns): write-behind (C: Redis
 * answers, a flusher writes coalesced batches to PostgreSQL), write-through (A:
 * PostgreSQL commits first, then Redis) or cache-only (B: Redis alone).
 */
public enum Mode {
    WRITE_BEHIND("write-behind"),
    WRITE_THROUGH("write-through"),
    CACHE_ONLY("cache-only");

    private final String apiName;

    Mode(String apiName) {
        this.apiName = apiName;
    }

    /** The mode of that name; throws {@link IllegalArgumentException} naming the choices when there is none. */
    @JsonCreator
    public static Mode named(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode '" + name + "' is unknown: use one of "
                        + Arrays.stream(values()).map(m -> m.apiName).collect(Collectors.joining(", "))));
    }

    /** Whether PostgreSQL keeps the state (every mode but cache-only). */
    public boolean isDurable() {
        return this != CACHE_ONLY;
    }

    @JsonValue
    @Override
    public String toString() {
        return apiName;
    }
}
