package io.readstate.bench.peer;

import java.util.List;

/** Where the per-member counters live: three keys per channel under its hash tag, and one set of dirty channels. */
final class CounterKeys {

    static final String DIRTY = "pm:dirty";

    private CounterKeys() {
    }

    static String members(String channel) {
        return "pm:{" + channel + "}:members";
    }

    static String unread(String channel) {
        return "pm:{" + channel + "}:unread";
    }

    static String mentions(String channel) {
        return "pm:{" + channel + "}:mentions";
    }

    /** KEYS of the message, read and join scripts. */
    static List<Object> channel(String channel) {
        return List.of(members(channel), unread(channel), mentions(channel), DIRTY);
    }
}
