package io.readstate.bench.measure;

/** Redis memory (INFO used_memory deltas) per membership and per message in the window. */
public record Memory(double bytesPerMember, double bytesPerMessage) {
}
