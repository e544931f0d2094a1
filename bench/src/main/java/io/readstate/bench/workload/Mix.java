package io.readstate.bench.workload;

/**
 * The shares of messages, reads and unread queries in a workload, and how often a
 * message mentions members by name or everyone.
 */
public record Mix(double messages, double reads, double queries, double mentionShare, double mentionAllShare) {

    /** About three reads per message and some unread queries; 10% of messages mention, 1% mention everyone. */
    public static final Mix CHAT = new Mix(0.24, 0.71, 0.05, 0.10, 0.01);
    /** The chat mix without queries, for /v1/events (which carries events, not queries). */
    public static final Mix CHAT_EVENTS = new Mix(0.25, 0.75, 0, 0.10, 0.01);
    /** Messages only, for throughput against channel size. */
    public static final Mix MESSAGES = new Mix(1, 0, 0, 0.10, 0.01);

    public Mix {
        if (Math.abs(messages + reads + queries - 1) > 1e-9) {
            throw new IllegalArgumentException("the shares must add up to 1");
        }
    }
}
