package io.readstate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How long and how large a benchmark run is. {@code --full} is the measured run (about
 * 20 minutes, 3 of them warming the services until their JIT settles); {@code --quick} runs
 * every measurement small and short, to show in CI that the benchmark and the service still
 * work (its figures are rough).
 *
 * @param warmup           unrecorded closed-loop load per system before its first measured step (half as long again
 *                         through /v1/events)
 * @param step             the length of one rate-search step
 * @param cooldown         the pause after a step (five times as long after one that overloaded the system)
 * @param bisections       steps per latency limit that narrow the rate found
 * @param maxSteps         the most steps one rate search takes
 * @param stepStretch      how much longer than {@code step} a step at a low rate may run to carry
 *                         {@code minRequestsPerStep} requests (below that the search gives up)
 * @param jitRounds        at most how many more rounds of warm-up (each a quarter of {@code warmup} of one request
 *                         per event and an eighth of /v1/events) wait for the service's JIT to settle
 * @param halfRateLead     load at half the maximum before the measuring window opens
 * @param halfRateWindow   the window for latency and PostgreSQL's counters
 * @param channels         channels of the main population (long-tailed sizes), over {@code users} users
 * @param sweepSizes       channel sizes for throughput against channel size
 * @param sweepMemberships memberships per size in the sweep (between {@code sweepMinChannels} and 50 channels)
 * @param killLoad         how long the load runs in the Redis kill test (the kill comes near its end)
 * @param rebuildMemberships memberships PostgreSQL holds at least when the write-behind rebuild is timed (0: the kill
 *                         test's rebuild is the figure)
 * @param memoryMessages   messages posted to measure Redis memory per message
 * @param everyMode        whether /v1/events and the Redis kill are measured for every mode (else write-behind only)
 * @param serviceJvmOptions options for the service processes' JVMs (quick: a faster start, rougher figures)
 * @param floorRates       request rates of {@code GET /ping}, the floor under every latency
 */
public record Profile(String name, Duration warmup, Duration step, Duration cooldown, int bisections, int maxSteps,
                      int stepStretch, int minRequestsPerStep, int jitRounds, Duration halfRateLead, Duration halfRateWindow,
                      int channels, int users, List<Integer> sweepSizes, long sweepMemberships, int sweepMinChannels,
                      Duration killLoad, long rebuildMemberships, int memoryMessages, Duration postgresCeiling,
                      int redisBenchmarkRequests, boolean everyMode, List<String> serviceJvmOptions,
                      List<Integer> floorRates, Path defaultOut) {

    public static Profile quick() {
        return new Profile("quick", Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofMillis(150), 0, 3,
                1, 5, 2, Duration.ofMillis(300), Duration.ofSeconds(1),
                40, 20_000, List.of(2, 1_000), 10_000, 2,
                Duration.ofMillis(1500), 0, 500, Duration.ofSeconds(1),
                20_000, false, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                List.of(1_000), Path.of("bench/target/quick-results"));
    }

    public static Profile full() {
        return new Profile("full", Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofMillis(400), 3, 12,
                4, 20, 16, Duration.ofSeconds(2), Duration.ofSeconds(8),
                600, 20_000, List.of(2, 100, 1_000, 10_000), 200_000, 10,
                Duration.ofSeconds(6), 1_000_000, 10_000, Duration.ofSeconds(5),
                100_000, true, List.of(),
                List.of(1_000, 5_000, 10_000), Path.of("bench/results"));
    }

    /** The unrecorded load before each channel size's search in the sweep: a quarter of {@link #warmup}. */
    public Duration sweepWarmup() {
        return warmup.dividedBy(4);
    }
}
