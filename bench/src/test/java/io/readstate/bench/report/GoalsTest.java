package io.readstate.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.Profile;
import io.readstate.bench.load.Latency;
import io.readstate.bench.load.RateSearch;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.run.Results;
import io.readstate.bench.run.Sustained;
import io.readstate.bench.run.SweepPoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private static Goal perMemberGoal(SweepPoint behind, SweepPoint peer) {
        Results results = new Results(Profile.quick(), Machine.describe(Duration.ofMillis(10)), "", List.of(), List.of(),
                List.of(behind, peer), Optional.empty(), Optional.empty(), List.of(), List.of(), Duration.ZERO,
                Duration.ofSeconds(1), Optional.empty());
        return Goals.evaluate(results).stream().filter(goal -> goal.target().contains("per-member")).findFirst()
                .orElseThrow();
    }

    @Test
    void a_peer_that_held_no_rate_bounds_the_ratio_by_the_lowest_rate_it_missed() {
        Goal bounded = perMemberGoal(new SweepPoint("write-behind", 1_000, 50, 1_000, 4_000, 2_000, 8_000),
                new SweepPoint("per-member counters", 1_000, 50, 0, 279, 5, 400));
        Goal tooLoose = perMemberGoal(new SweepPoint("write-behind", 1_000, 50, 1_000, 4_000, 2_000, 8_000),
                new SweepPoint("per-member counters", 1_000, 50, 0, 279, 50, 400));

        assertThat(bounded.measured()).contains("1,000 / 0 = > 200.0× (the other held none down to 5/s)");
        assertThat(bounded.verdict()).isEqualTo("p99 < 10 ms: yes; p99 < 100 ms: **no**");
        assertThat(tooLoose.measured()).contains("1,000 / 0 = > 20.0× (the other held none down to 50/s)");
        assertThat(tooLoose.verdict()).isEqualTo("p99 < 10 ms: **no**; p99 < 100 ms: **no**");
    }

    @Test
    void no_rate_on_either_side_is_no_ratio() {
        Goal goal = perMemberGoal(new SweepPoint("write-behind", 1_000, 50, 0, 4_000, 500, 8_000),
                new SweepPoint("per-member counters", 1_000, 50, 0, 279, 5, 400));

        assertThat(goal.measured()).contains("p99 < 10 ms: 0 / 0 = n/a");
        assertThat(goal.verdict()).isEqualTo("p99 < 10 ms: **no**; p99 < 100 ms: **no**");
    }

    @Test
    void a_ratio_of_a_hundred_meets_the_target() {
        Goal goal = perMemberGoal(new SweepPoint("write-behind", 1_000, 50, 10_000, 30_000, 12_000, 40_000),
                new SweepPoint("per-member counters", 1_000, 50, 100, 400, 120, 500));

        assertThat(goal.verdict()).isEqualTo("p99 < 10 ms: yes; p99 < 100 ms: **no**");
    }

    private static Goal throughEventsGoal(double heldStrictly, double heldLoosely) {
        RateSearch.Outcome search = new RateSearch.Outcome(heldStrictly, heldStrictly * 1.2, heldLoosely,
                heldLoosely * 1.2, List.of());
        StepResult half = new StepResult("half", heldStrictly / 2, heldStrictly / 2, 1_000, 0, Latency.NONE, null);
        Results results = new Results(Profile.quick(), Machine.describe(Duration.ofMillis(10)), "", List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), Duration.ZERO, Duration.ofSeconds(1),
                Optional.of(new Sustained(search, half)));
        return Goals.evaluate(results).stream().filter(goal -> goal.target().contains("/v1/events ≥ 100,000"))
                .findFirst().orElseThrow();
    }

    @Test
    void the_large_batches_alone_can_meet_the_events_target() {
        Goal met = throughEventsGoal(100_000, 120_000);
        Goal short_ = throughEventsGoal(60_000, 99_000);

        assertThat(met.measured()).isEqualTo("write-behind, 250 events per request: 100,000 events/s at p99 < 10 ms "
                + "(100% of the target), 120,000 at p99 < 100 ms (120%)");
        assertThat(met.verdict()).isEqualTo("p99 < 10 ms: yes; p99 < 100 ms: yes");
        assertThat(short_.measured()).contains("60,000 events/s at p99 < 10 ms (60% of the target)");
        assertThat(short_.verdict()).isEqualTo("p99 < 10 ms: **no**; p99 < 100 ms: **no**");
    }
}
