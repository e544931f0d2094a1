package io.readstate.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the highest arrival rates a target sustains under two latency limits at once,
 * p99 under 10 ms (the table's definition) and p99 under 100 ms (what it can carry when
 * latency matters less): doubles the rate from a start while the loose limit holds
 * (halves it when even the first step fails), then narrows each boundary by geometric
 * bisection. Each step is one short {@link OpenLoop} run; a step holds a limit when every
 * request is acknowledged, at 95% of the arrival rate or more, with p99 under the limit.
 */
public final class RateSearch {

    public static final double P99_LIMIT_MILLIS = 10;
    public static final double LOOSE_P99_LIMIT_MILLIS = 100;
    private static final int MAX_DOUBLINGS = 12;
    /** After a step that overloaded the target, it gets this many cool-downs to work off its backlog. */
    private static final int OVERLOAD_COOLDOWN = 5;

    /** One step: a run at the given rate. */
    public interface Step {
        StepResult run(double eventsPerSecond) throws InterruptedException;
    }

    /**
     * The highest rate that held p99 under 10 ms (0 when none did) and the lowest that did
     * not; the same under 100 ms; every step taken.
     */
    public record Outcome(double maxSustained, double firstFailed, double capacity, double capacityFailed,
                          List<StepResult> steps) {
    }

    private final int bisections;
    private final int maxSteps;
    private final Duration cooldown;
    private final Progress progress;

    /** At most {@code maxSteps} steps in all, up to {@code bisections} of them per limit to narrow its boundary. */
    public RateSearch(int bisections, int maxSteps, Duration cooldown, Progress progress) {
        this.bisections = bisections;
        this.maxSteps = maxSteps;
        this.cooldown = cooldown;
        this.progress = progress;
    }

    /** {@code lowest}: below it a step carries too few requests to say anything, and the search gives up. */
    public Outcome search(double startRate, double lowest, Step step) throws InterruptedException {
        Boundary strict = new Boundary(P99_LIMIT_MILLIS);
        Boundary loose = new Boundary(LOOSE_P99_LIMIT_MILLIS);
        List<StepResult> steps = new ArrayList<>();
        int growing = Math.max(1, maxSteps - 2 * bisections);
        double rate = startRate;
        for (int i = 0; i < MAX_DOUBLINGS && steps.size() < growing; i++, rate *= 2) {
            if (!take(step, rate, steps, strict, loose)) {
                break;
            }
        }
        for (Boundary boundary : List.of(loose, strict)) {
            while (boundary.held() == 0 && steps.size() < growing && boundary.failed() / 2 >= lowest) {
                take(step, boundary.failed() / 2, steps, strict, loose);
            }
        }
        while (steps.size() < maxSteps && (strict.open(bisections) || loose.open(bisections))) {
            Boundary boundary = strict.open(bisections) ? strict : loose;
            take(step, boundary.nextBisection(), steps, strict, loose);
        }
        return new Outcome(strict.held(), strict.failed(), loose.held(), loose.failed(), steps);
    }

    /** Runs a step; answers whether it held the loose limit. */
    private boolean take(Step step, double rate, List<StepResult> steps, Boundary strict, Boundary loose)
            throws InterruptedException {
        StepResult result = step.run(rate);
        steps.add(result);
        boolean heldStrict = strict.note(result);
        boolean heldLoose = loose.note(result);
        progress.say("  %s -> %s", result.describe(), heldStrict ? "held p99 < 10 ms"
                : heldLoose ? "held p99 < 100 ms only" : "not sustained");
        Thread.sleep(heldLoose ? cooldown.toMillis() : cooldown.toMillis() * OVERLOAD_COOLDOWN);
        return heldLoose;
    }
}
