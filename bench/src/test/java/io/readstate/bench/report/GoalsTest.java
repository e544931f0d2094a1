package io.readstate.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.Profile;
import io.readstate.bench.run.Results;
import io.readstate.bench.run.SweepPoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private static Goal perMemberGoal(SweepPoint behind, SweepPoint peer) {
        Results results = new Results(Profile.quick(), Machine.describe(), "", List.of(), List.of(),
                List.of(behind, peer), Optional.empty(), Optional.empty(), List.of(), List.of(), Duration.ZERO,
                Duration.ofSeconds(1));
        return Goals.evaluate(results).stream().filter(goal -> goal.target().contains("per-member")).findFirst()
                .orElseThrow();
    }

    @Test
    void a_peer_that_sustained_nothing_proves_no_ratio() {
        Goal goal = perMemberGoal(new SweepPoint("write-behind", 1_000, 50, 1_000, 4_000),
                new SweepPoint("per-member counters", 1_000, 50, 0, 279));

        assertThat(goal.measured()).contains("1,000 / 0 = ∞ (the other sustained none)");
        assertThat(goal.verdict()).isEqualTo("p99 < 10 ms: **no**; p99 < 100 ms: **no**");
    }

    @Test
    void a_ratio_of_a_hundred_meets_the_target() {
        Goal goal = perMemberGoal(new SweepPoint("write-behind", 1_000, 50, 10_000, 30_000),
                new SweepPoint("per-member counters", 1_000, 50, 100, 400));

        assertThat(goal.verdict()).isEqualTo("p99 < 10 ms: yes; p99 < 100 ms: **no**");
    }
}
