package io.readstate.bench.run;

/** The highest message rates of a system on channels of one size, with p99 under 10 ms and under 100 ms. */
public record SweepPoint(String system, int channelSize, int channels, double messagesPerSecond, double capacity) {
}
