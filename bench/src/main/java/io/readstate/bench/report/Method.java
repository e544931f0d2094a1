package io.readstate.bench.report;

import io.readstate.bench.load.WarmUp;
import io.readstate.bench.run.Harness;
import io.readstate.bench.run.Results;
import java.util.Locale;

/** The notes under the table: how each column was measured, so that a reader can judge the figures. */
final class Method {

    private Method() {
    }

    static String notes(Results results) {
        var profile = results.profile();
        return String.format(Locale.ROOT, """

                How each column was measured:

                - **Warm-up**: before its first measured step, each service gets %.0f s of the same mix one request
                  per event and %.0f s through `/v1/events` (the peer %.0f s in-process), none of it recorded: a
                  closed loop of %d requests in flight, so that a cold service is not overloaded and a warm one gets
                  thousands of requests, enough for the JIT to compile the request path (a cold JVM answers several
                  times slower). The first and last second's median of each warm-up are in the run's output. Then
                  rounds of both (%.1f s and %.1f s) go on until one in which the JIT compiled for under %.0f%% of the
                  round (the service's gauge `jvm.compilation.time-millis`; the peer's JVM is this one), at most %d:
                  a service just started compiles for a minute or two on two cores, and a step measured meanwhile
                  measures its compiler. The output says how many rounds each took.
                - **Max sustained events/s**: the highest arrival rate at which a %.1f s step holds p99 under 10 ms
                  (in bold), and in brackets under 100 ms. The rate doubles from a start while p99 stays under 100 ms
                  (halving when even the start fails), then up to %d geometric bisections narrow each boundary. A step
                  holds when every request is acknowledged, at 95%% of the arrival rate or more, with p99 under the
                  limit. "none ≥ X/s": no rate tried held, X the lowest tried. Every step is in `steps.csv`.
                - **Latency at half that rate**: %d s at half the rate held under 10 ms (%d s of lead-in, then the
                  %d s window measured).
                - **PostgreSQL rows and transactions per 1,000 events**: over the same kind of window at half the rate
                  held under 100 ms (a load where there is something to coalesce; the rate is in the cell), from
                  `pg_stat_database` (`tup_inserted + tup_updated + tup_deleted`, `xact_commit`) of the system's own
                  database, read from another database before and after the window, divided by the events
                  acknowledged in it. PostgreSQL publishes a backend's counters at most once a second, so the
                  window's edges carry about a second's jitter.
                - **Redis bytes**: `INFO memory` `used_memory` before and after joining the population (per membership,
                  channel overheads included), and after posting %,d more messages to it (per message); in write-behind
                  and for the peer, each after the backlog was written.
                - **Events lost on a hard Redis kill**: %,.1f s of messages and reads on 50 channels of 10 members at half the
                  rate held under 100 ms; `kill -9` of the private redis-server near the end; the server restarted empty; once the
                  service reports `recovering: false`, every channel's `headSeq` and every member's `lastReadSeq` read
                  back; an acknowledged, applied event is lost when they no longer reflect it. The service's report is
                  `GET /status` `lastRedisLoss`; the loss it implies runs from the applied events sent after its
                  `lostAfter` (the checkpoint had taken its changes by then: surely not in it) to those acknowledged
                  after its `checkpointAt` (the flush that made it began then: perhaps not in it).
                - **Rebuild**: from the service noticing the loss (`lastRedisLoss.detectedAt`) to `/status` showing
                  `recovering: false`, its background worker having rebuilt every channel; for write-behind, after growing
                  PostgreSQL to at least %,d memberships with long-tailed channels. For the peer: loading its table back
                  into Redis.
                - **Per-member counters**: the seed's design taken literally, in the bench module only: per channel a
                  members set and per-member unread and mention counters; a message is one Lua script doing `HINCRBY` for
                  every member (`SMEMBERS` then a loop), a read sets the member's counters to 0, changed channels go into
                  a set that a flusher drains every second, upserting every member's counters of those channels in one
                  transaction. It is driven in this process (no HTTP, no JSON), which favours it.
                """, profile.warmup().toMillis() / 1000.0, profile.warmup().toMillis() / 2000.0,
                profile.warmup().toMillis() / 1000.0, WarmUp.IN_FLIGHT, profile.warmup().toMillis() / 4000.0,
                profile.warmup().toMillis() / 8000.0, Harness.JIT_SETTLED * 100, profile.jitRounds(),
                profile.step().toMillis() / 1000.0, profile.bisections(),
                profile.halfRateLead().plus(profile.halfRateWindow()).toSeconds(), profile.halfRateLead().toSeconds(),
                profile.halfRateWindow().toSeconds(), profile.memoryMessages(), profile.killLoad().toMillis() / 1000.0,
                profile.rebuildMemberships());
    }
}
