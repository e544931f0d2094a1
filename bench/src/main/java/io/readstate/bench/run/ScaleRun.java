package io.readstate.bench.run;

import io.readstate.bench.Profile;
import io.readstate.bench.infra.Postgres;
import io.readstate.bench.load.Progress;
import io.readstate.bench.report.Machine;
import io.readstate.bench.workload.Population;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale-out rows ({@code --scale}): write-behind on each {@link Topology#MEASURED},
 * one after the other, on the comparison's population. A topology that fails is a
 * problem of the run, and the next one still runs.
 */
public final class ScaleRun {

    private ScaleRun() {
    }

    public static ScaleResults run(Profile profile, Postgres postgres, Path serviceJar, boolean keepDatabases,
                                   Progress progress) throws Exception {
        long started = System.nanoTime();
        Machine machine = Machine.describe(Machine.STALL_PROBE);
        Checks checks = new Checks();
        Harness harness = new Harness(profile, progress, checks);
        Population population = Population.longTailed("main", profile.channels(), profile.users(),
                FullRun.POPULATION_SEED);
        List<ScaleRow> rows = new ArrayList<>();
        try (Infrastructure infra = new Infrastructure(postgres, serviceJar, keepDatabases,
                profile.serviceJvmOptions())) {
            progress.say("logs in %s; %s", infra.logs(), machine.progressLine());
            ScaleOut scaleOut = new ScaleOut(harness, infra);
            for (Topology topology : Topology.MEASURED) {
                try {
                    rows.add(scaleOut.run(topology, population));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    e.printStackTrace();
                    checks.require(false, topology.name() + " failed: " + e.getMessage());
                }
            }
            return new ScaleResults(profile, machine.finished(), FullRun.describe(population), rows, harness.steps(),
                    checks.problems(), Duration.ofNanos(System.nanoTime() - started), infra.flushInterval());
        }
    }
}
