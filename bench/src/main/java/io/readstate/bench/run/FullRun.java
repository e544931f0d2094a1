package io.readstate.bench.run;

import io.readstate.bench.Profile;
import io.readstate.bench.infra.Database;
import io.readstate.bench.infra.Postgres;
import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.measure.Heads;
import io.readstate.bench.load.Progress;
import io.readstate.bench.measure.PostgresCeiling;
import io.readstate.bench.measure.RebuildTest;
import io.readstate.bench.measure.Rebuild;
import io.readstate.bench.measure.RedisCeiling;
import io.readstate.bench.report.Machine;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole comparison in one run: a private Redis per mode and a fresh database per
 * durable mode, the three services started together, then each measured in turn on the
 * same population; the write-behind size sweep and rebuild; the raw ceilings; and the
 * per-member counters on the write-behind's Redis once its service is stopped.
 */
public final class FullRun {

    static final long POPULATION_SEED = 42;

    private FullRun() {
    }

    public static Results run(Profile profile, Postgres postgres, Path serviceJar, boolean keepDatabases,
                              Progress progress) throws Exception {
        long started = System.nanoTime();
        Machine machine = Machine.describe(Machine.STALL_PROBE);
        Checks checks = new Checks();
        Harness harness = new Harness(profile, progress, checks);
        Population population = Population.longTailed("main", profile.channels(), profile.users(), POPULATION_SEED);
        List<SystemFigures> systems = new ArrayList<>();
        List<SweepPoint> sweep = new ArrayList<>();
        try (Infrastructure infra = new Infrastructure(postgres, serviceJar, keepDatabases, profile.serviceJvmOptions())) {
            progress.say("logs in %s; %s", infra.logs(), machine.progressLine());
            Database base = infra.database("");
            Database throughDb = infra.database("wt");
            Database behindDb = infra.database("wb");
            RedisServer throughRedis = infra.redis("write-through");
            RedisServer onlyRedis = infra.redis("cache-only");
            RedisServer behindRedis = infra.redis("write-behind");
            ServiceProcess through = infra.service("write-through", throughDb.storesWith(throughRedis));
            ServiceProcess only = infra.service("cache-only", new ServiceProcess.Stores(onlyRedis, Optional.empty(), ""));
            ServiceProcess behind = infra.service("write-behind", behindDb.storesWith(behindRedis));
            for (ServiceProcess service : List.of(through, only, behind)) {
                service.awaitReady(Duration.ofMinutes(3));
            }
            progress.say("three services up; population: %,d channels (2 to 10,000 members, long-tailed), %,d memberships",
                    population.channels().size(), population.memberships());
            ModeBench modes = new ModeBench(harness);
            systems.add(modes.run(through, throughRedis, Optional.of(throughDb), population));
            through.stop();
            systems.add(modes.run(only, onlyRedis, Optional.empty(), population));
            only.stop();
            // The floor once the write-behind service is alone and long started: measured right after the three
            // started, it measured their compilers (p99 15.7 ms at 1,000 pings/s, against 0.4 to 0.7 ms alone).
            List<FloorStep> floor = harness.floor(behind.admin().ping(), Optional.of(behind.process()));
            SystemFigures writeBehind = modes.run(behind, behindRedis, Optional.of(behindDb), population);
            String large = "write-behind, /v1/events x" + ModeBench.LARGE_BATCH;
            Heads.Before before = Heads.before(population, List.of(behind.api()));
            Sustained largeBatches = harness.sustained(large, new Workload(population, Mix.CHAT_EVENTS, 2),
                    ModeBench.LARGE_BATCH, 10_000, behind.api());
            harness.requireNewMessages(large, before);
            sweep.addAll(new SizeSweep(harness).writeBehind(behind));
            if (profile.rebuildMemberships() > 0) {
                Rebuild rebuild = new RebuildTest(progress).run(behind, behindRedis, behindDb,
                        profile.rebuildMemberships(), profile.users());
                writeBehind = new SystemFigures(writeBehind.system(), writeBehind.label(), writeBehind.single(),
                        writeBehind.batch(), writeBehind.memory(), writeBehind.loss(), Optional.of(rebuild));
            }
            systems.add(writeBehind);
            behind.stop();
            behindRedis.flushAll();
            progress.say("ceilings: redis-benchmark on the write-behind's Redis, bulk upserts on PostgreSQL");
            RedisCeiling.Rates redisCeiling = RedisCeiling.measure(behindRedis, profile.redisBenchmarkRequests());
            PostgresCeiling.Rate postgresCeiling;
            try (Connection connection = base.connect()) {
                postgresCeiling = PostgresCeiling.measure(connection, profile.postgresCeiling());
            }
            progress.say("per-member counters on the same Redis (empty again), flushed to %s", base.name());
            PeerBench.Result peer = new PeerBench(harness).run(behindRedis, base, population);
            systems.add(peer.figures());
            sweep.addAll(peer.sweep());
            return new Results(profile, machine.finished(), describe(population), floor, systems, sweep,
                    Optional.of(redisCeiling), Optional.of(postgresCeiling), harness.steps(), checks.problems(),
                    Duration.ofNanos(System.nanoTime() - started), infra.flushInterval(), Optional.of(largeBatches));
        }
    }

    static String describe(Population population) {
        return String.format("%,d channels of 2 to 10,000 members (P(size) ~ size^-1.5, one of each end), %,d memberships "
                + "over %,d users", population.channels().size(), population.memberships(), population.users());
    }
}
