package io.readstate.bench.load;

import java.util.Locale;

/**
 * One run at a fixed arrival rate: what was asked, what was acknowledged, the latency
 * from each request's intended send time, and the first error if any.
 */
public record StepResult(String label, double targetRate, double achievedRate, long events, long errors,
                         Latency latency, String firstError) {

    /** Sustained: every request acknowledged, the rate kept, p99 within the limit. */
    public boolean sustained(double p99LimitMillis) {
        return errors == 0 && achievedRate >= 0.95 * targetRate && latency.p99() <= p99LimitMillis;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s at %,.0f/s: %,.0f events/s acknowledged, p50 %.2f p99 %.2f p99.9 %.2f ms, "
                        + "%d errors%s", label, targetRate, achievedRate, latency.p50(), latency.p99(), latency.p999(),
                errors, firstError == null ? "" : " (" + firstError + ")");
    }
}
