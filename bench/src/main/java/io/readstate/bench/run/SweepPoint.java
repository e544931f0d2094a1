package io.readstate.bench.run;

/**
 * The highest message rates of a system on channels of one size, with p99 under 10 ms and
 * under 100 ms, and the lowest rates that missed each (0 when none did).
 */
public record SweepPoint(String system, int channelSize, int channels, double messagesPerSecond, double capacity,
                         double firstFailed, double capacityFailed) {
}
