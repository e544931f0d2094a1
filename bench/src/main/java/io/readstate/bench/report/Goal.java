package io.readstate.bench.report;

/** One of the targets, what was measured against it, and whether it was met (by latency limit where it applies). */
public record Goal(String target, String measured, String verdict) {

    static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** For throughput targets: met under the table's limit (p99 < 10 ms), and under the loose one. */
    static String verdict(boolean strict, boolean loose) {
        return "p99 < 10 ms: " + verdict(strict) + "; p99 < 100 ms: " + verdict(loose);
    }
}
