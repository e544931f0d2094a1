package io.readstate.bench.measure;

/** How long rebuilding Redis from PostgreSQL took for a number of memberships. */
public record Rebuild(long millis, long memberships) {
}
