package io.readstate.bench.measure;

/**
 * What a hard Redis kill cost: the acknowledged events not reflected once the service
 * had rebuilt from PostgreSQL, against what the service reported (the checkpoint it
 * rebuilt from, and the acknowledged events after it), at the arrival rate of the load.
 *
 * @param acked               state-changing events acknowledged as applied before the kill
 * @param lost                of those, the ones whose effect was gone after the rebuild
 * @param sentAfterCheckpoint sent after the time the service reported its checkpoint had taken its changes by
 *                            ({@code lostAfter}): surely not in it (the least loss its report implies)
 * @param ackedAfterCheckpoint acknowledged after the checkpoint's start ({@code checkpointAt}): perhaps not in it (the
 *                            most loss its report implies; the two differ by the events in flight around the flush
 *                            that made the checkpoint)
 * @param checkpointAgeMillis the service's {@code lastRedisLoss.checkpointAgeMillis}, or -1 when it reported none
 * @param rebuildMillis       from the service noticing the loss to {@code recovering: false}, or -1
 * @param memberships         memberships PostgreSQL held for the rebuild, or -1
 */
public record Loss(double rate, long acked, long lost, long sentAfterCheckpoint, long ackedAfterCheckpoint,
                   long checkpointAgeMillis, long rebuildMillis, long memberships) {

    /** Whether the loss lies within what the service's report implies (give or take a few events). */
    public boolean matchesReport() {
        long slack = Math.max(5, ackedAfterCheckpoint / 20);
        return lost >= sentAfterCheckpoint - slack && lost <= ackedAfterCheckpoint + slack;
    }

    /** The loss in milliseconds of load at the test's rate. */
    public double lostMillisOfLoad() {
        return rate == 0 ? 0 : lost / rate * 1000;
    }
}
