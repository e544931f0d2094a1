package io.readstate.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.bench.infra.AdminClient;
import java.time.Duration;
import java.time.Instant;

/** Waits for a service to notice a Redis loss and finish rebuilding, as its {@code /status} tells. */
final class Recovery {

    /**
     * The loss the service reported (changes acknowledged before {@code checkpointAt}
     * survived, those after {@code lostAfter} did not), and when its rebuild was seen to end.
     */
    record Observed(Instant detectedAt, Instant checkpointAt, Instant lostAfter, long checkpointAgeMillis,
                    Instant rebuiltAt) {

        long rebuildMillis() {
            return Duration.between(detectedAt, rebuiltAt).toMillis();
        }
    }

    private Recovery() {
    }

    /** Polls {@code /status} until a loss detected after {@code killedAt} is no longer {@code recovering}. */
    static Observed await(AdminClient admin, Instant killedAt, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = statusOrNull(admin);
            JsonNode loss = status == null ? null : status.path("lastRedisLoss");
            if (loss != null && loss.hasNonNull("detectedAt")) {
                Instant detected = Instant.parse(loss.get("detectedAt").asText());
                if (!detected.isBefore(killedAt) && !status.path("recovering").asBoolean(true)) {
                    return new Observed(detected, instant(loss, "checkpointAt"), instant(loss, "lostAfter"),
                            loss.path("checkpointAgeMillis").asLong(-1), Instant.now());
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not report a rebuilt Redis within " + limit);
    }

    private static Instant instant(JsonNode loss, String field) {
        return loss.hasNonNull(field) ? Instant.parse(loss.get(field).asText()) : null;
    }

    private static JsonNode statusOrNull(AdminClient admin) {
        try {
            return admin.status();
        } catch (IllegalStateException unavailable) {
            return null;
        }
    }
}
