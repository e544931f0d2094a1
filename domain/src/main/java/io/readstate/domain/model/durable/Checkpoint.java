package io.readstate.domain.model.durable;

import java.time.Instant;
import java.util.Objects;

/**
 * What a flush of a complete claim made durable. Every change acknowledged before
 * {@code durableUntil} (the claim's start) is in the durable store; the flush had taken
 * its changes by {@code takenBy}, so a change acknowledged after that is not in it (it
 * reaches the durable store only with a later flush). Changes acknowledged in between may
 * or may not be in it: the flush takes channel after channel, not at one instant.
 */
public record Checkpoint(Instant durableUntil, Instant takenBy) {

    public Checkpoint {
        Objects.requireNonNull(durableUntil, "durableUntil");
        Objects.requireNonNull(takenBy, "takenBy");
        if (takenBy.isBefore(durableUntil)) {
            throw new IllegalArgumentException("taken by " + takenBy + ", before " + durableUntil);
        }
    }
}
