package io.readstate.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What the workload sent and what the service acknowledged (a 2xx answer for the
 * event), in the order it was acknowledged: the only source of the expected state.
 */
final class Ledger {

    private final List<ChatEvent> acknowledged = new ArrayList<>();
    private long sent;

    synchronized void sent() {
        sent++;
    }

    synchronized void acknowledged(ChatEvent event) {
        acknowledged.add(event);
    }

    synchronized long sentCount() {
        return sent;
    }

    synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Every acknowledged event so far, in order. */
    synchronized List<ChatEvent> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** The events acknowledged before {@code mark} (an earlier {@link #acknowledgedCount()}). */
    synchronized List<ChatEvent> acknowledgedBefore(int mark) {
        return List.copyOf(acknowledged.subList(0, mark));
    }

    /** The events acknowledged from {@code mark} on. */
    synchronized List<ChatEvent> acknowledgedSince(int mark) {
        return new ArrayList<>(acknowledged.subList(mark, acknowledged.size()));
    }
}
