package io.readstate.bench.load;

/**
 * What a rate search knows of one latency limit: the highest rate that held it and the
 * lowest rate above that which did not.
 */
final class Boundary {

    private final double p99LimitMillis;
    private double held;
    private double failed = Double.POSITIVE_INFINITY;
    private int bisections;

    Boundary(double p99LimitMillis) {
        this.p99LimitMillis = p99LimitMillis;
    }

    /** Takes a step's result into account; answers whether the step held this limit. */
    boolean note(StepResult step) {
        boolean holds = step.sustained(p99LimitMillis);
        double rate = step.targetRate();
        if (holds) {
            held = Math.max(held, rate);
            if (failed <= held) {
                failed = Double.POSITIVE_INFINITY;
            }
        } else if (rate > held) {
            failed = Math.min(failed, rate);
        }
        return holds;
    }

    /** Whether a bisection between the two rates would still tell something. */
    boolean open(int maxBisections) {
        return bisections < maxBisections && held > 0 && failed != Double.POSITIVE_INFINITY && failed / held > 1.05;
    }

    double nextBisection() {
        bisections++;
        return Math.sqrt(held * failed);
    }

    double held() {
        return held;
    }

    double failed() {
        return failed;
    }

    double limit() {
        return p99LimitMillis;
    }
}
