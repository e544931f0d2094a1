package io.readstate.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.Profile;
import io.readstate.bench.load.Latency;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.run.FloorStep;
import io.readstate.bench.run.Results;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static Results withFloor(double p99AtTheLowestRate) {
        List<FloorStep> floor = List.of(
                new FloorStep(new StepResult("ping", 1_000, 1_000, 3_000, 0,
                        new Latency(0.3, p99AtTheLowestRate, 20, 30, 3_000), null), 150, 300),
                new FloorStep(new StepResult("ping", 5_000, 5_000, 15_000, 0,
                        new Latency(0.2, 12, 25, 40, 15_000), null), 90, 130));
        return new Results(Profile.quick(), Machine.describe(Duration.ofMillis(10)), "", floor, List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Duration.ZERO, Duration.ofSeconds(1), Optional.empty());
    }

    @Test
    void a_floor_over_the_strict_limit_is_said_under_its_table() {
        String table = ResultsTable.floor(withFloor(10.73));

        assertThat(table).contains("| 1,000 | 1,000 | 0.30 / 10.73 / 20.00 ms | 150 µs | 300 µs |")
                .contains("the floor itself did not hold p99 under 10 ms at 1,000 requests/s (p99 10.73 ms)");
    }

    @Test
    void a_floor_under_the_strict_limit_needs_no_word() {
        assertThat(ResultsTable.floor(withFloor(5.35))).doesNotContain("did not hold");
    }
}
