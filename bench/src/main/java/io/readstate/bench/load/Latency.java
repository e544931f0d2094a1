package io.readstate.bench.load;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds. */
public record Latency(double p50, double p99, double p999, double max, long count) {

    public static final Latency NONE = new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    public static Latency of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(millis(nanos, 50), millis(nanos, 99), millis(nanos, 99.9), nanos.getMaxValue() / 1e6,
                nanos.getTotalCount());
    }

    private static double millis(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e6;
    }
}
