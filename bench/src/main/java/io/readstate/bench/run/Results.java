package io.readstate.bench.run;

import io.readstate.bench.Profile;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.measure.PostgresCeiling;
import io.readstate.bench.measure.RedisCeiling;
import io.readstate.bench.report.Machine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run measured, for the table, the charts and the targets; {@code largeBatches}
 * is write-behind (or the service at a URL) through {@code /v1/events} with
 * {@link ModeBench#LARGE_BATCH} events per request.
 */
public record Results(Profile profile, Machine machine, String population, List<FloorStep> floor,
                      List<SystemFigures> systems,
                      List<SweepPoint> sweep, Optional<RedisCeiling.Rates> redisCeiling,
                      Optional<PostgresCeiling.Rate> postgresCeiling, List<StepResult> steps, List<String> problems,
                      Duration took, Duration flushInterval, Optional<Sustained> largeBatches) {

    public Optional<SystemFigures> system(String name) {
        return systems.stream().filter(s -> s.system().equals(name)).findFirst();
    }

    public Optional<SweepPoint> sweepPoint(String system, int size) {
        return sweep.stream().filter(p -> p.system().equals(system) && p.channelSize() == size).findFirst();
    }
}
