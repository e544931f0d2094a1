package io.readstate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    private final List<Double> tried = new ArrayList<>();

    /** A target with p99 of 1 ms up to {@code fast}, 50 ms up to {@code slow}, 500 ms above. */
    private RateSearch.Step target(double fast, double slow) {
        return rate -> {
            tried.add(rate);
            double p99 = rate <= fast ? 1 : rate <= slow ? 50 : 500;
            return new StepResult("fake", rate, rate, 100, 0, new Latency(1, p99, p99, p99, 100), null);
        };
    }

    private RateSearch search(int bisections, int maxSteps) {
        return new RateSearch(bisections, maxSteps, Duration.ZERO, new Progress());
    }

    @Test
    void doubles_while_the_loose_limit_holds_then_narrows_both_boundaries() throws InterruptedException {
        RateSearch.Outcome outcome = search(2, 12).search(100, 1, target(1_000, 3_000));

        assertThat(tried).startsWith(100.0, 200.0, 400.0, 800.0, 1_600.0, 3_200.0);
        assertThat(outcome.maxSustained()).isBetween(800.0, 1_000.0);
        assertThat(outcome.firstFailed()).isGreaterThan(1_000.0);
        assertThat(outcome.capacity()).isBetween(1_600.0, 3_000.0);
        assertThat(outcome.capacityFailed()).isGreaterThan(3_000.0);
    }

    @Test
    void halves_when_the_first_step_fails_but_not_below_the_lowest_rate() throws InterruptedException {
        RateSearch.Outcome outcome = search(0, 10).search(1_000, 100, target(10, 20));

        assertThat(tried).containsExactly(1_000.0, 500.0, 250.0, 125.0);
        assertThat(outcome.maxSustained()).isZero();
        assertThat(outcome.capacity()).isZero();
        assertThat(outcome.firstFailed()).isEqualTo(125.0);
    }

    @Test
    void finds_the_strict_limit_below_a_start_that_holds_only_the_loose_one() throws InterruptedException {
        RateSearch.Outcome outcome = search(0, 10).search(400, 1, target(150, 1_000));

        assertThat(tried).containsExactly(400.0, 800.0, 1_600.0, 200.0, 100.0);
        assertThat(outcome.maxSustained()).isEqualTo(100.0);
        assertThat(outcome.capacity()).isEqualTo(800.0);
    }

    @Test
    void a_step_with_errors_is_not_sustained() {
        StepResult withErrors = new StepResult("fake", 100, 100, 100, 1, new Latency(1, 1, 1, 1, 100), "503");

        assertThat(withErrors.sustained(10)).isFalse();
    }

    @Test
    void takes_no_more_steps_than_allowed() throws InterruptedException {
        search(0, 4).search(1, 1, target(1_000_000, 1_000_000));

        assertThat(tried).hasSize(4);
    }
}
