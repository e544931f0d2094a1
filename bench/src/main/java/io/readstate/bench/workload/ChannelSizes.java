package io.readstate.bench.workload;

import java.util.Random;

/**
 * Channel sizes from 2 to 10,000 members on a long tail: a bounded power law,
 * P(size = s) proportional to s^-1.5 (most channels are small, a few are huge; the
 * mean is about 140 members).
 */
public final class ChannelSizes {

    public static final int SMALLEST = 2;
    public static final int LARGEST = 10_000;
    private static final double EXPONENT = 1.5;

    private final Random random;

    public ChannelSizes(Random random) {
        this.random = random;
    }

    /** Inverse transform of the continuous bounded Pareto, rounded down. */
    public int next() {
        double a = Math.pow(SMALLEST, 1 - EXPONENT);
        double b = Math.pow(LARGEST + 1, 1 - EXPONENT);
        double size = Math.pow(a + random.nextDouble() * (b - a), 1 / (1 - EXPONENT));
        return (int) Math.min(LARGEST, Math.max(SMALLEST, Math.floor(size)));
    }
}
