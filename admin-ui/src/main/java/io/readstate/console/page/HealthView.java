package io.readstate.console.page;

import io.readstate.console.Health;
import java.util.Map;

/** A health check as a card shows it: a readable name, {@code up} or {@code down}, and its message. */
public record HealthView(String name, String label, boolean healthy, String state, String message) {

    private static final Map<String, String> LABELS = Map.of(
            "redis", "Redis",
            "postgres", "PostgreSQL",
            "sync-lag", "Sync lag");

    public static HealthView of(Health health) {
        String message = health.message().isBlank() ? (health.healthy() ? "OK" : "no message") : health.message();
        return new HealthView(health.name(), LABELS.getOrDefault(health.name(), health.name()), health.healthy(),
                health.healthy() ? "up" : "down", message);
    }

    public String tone() {
        return healthy ? Tone.OK : Tone.BAD;
    }
}
