package io.readstate.bench.run;

import io.readstate.bench.Profile;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.report.Machine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a {@code --scale} run measured: a row per topology that ran to the end, every step, the problems. */
public record ScaleResults(Profile profile, Machine machine, String population, List<ScaleRow> rows,
                           List<StepResult> steps, List<String> problems, Duration took, Duration flushInterval) {

    public Optional<ScaleRow> row(Topology topology) {
        return rows.stream().filter(row -> row.topology().equals(topology)).findFirst();
    }
}
