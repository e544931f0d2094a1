package io.readstate.bench.run;

import io.readstate.bench.infra.Database;
import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.infra.RedisCluster;
import io.readstate.bench.infra.RedisEndpoint;
import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.load.RoundRobin;
import io.readstate.bench.load.Target;
import io.readstate.bench.measure.BacklogDrain;
import io.readstate.bench.measure.Heads;
import io.readstate.bench.measure.WriteBehindDrain;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Write-behind on one topology: a Redis (one server or a cluster) and a database of its
 * own, the instances started (the first alone, as it migrates the database), each
 * flushing every second; the population joined, the load spread round-robin over the
 * instances, warmed up and measured as the comparison's rows are; then the backlog
 * drained, and everything stopped.
 */
public final class ScaleOut {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Harness harness;
    private final Infrastructure infra;

    public ScaleOut(Harness harness, Infrastructure infra) {
        this.harness = harness;
        this.infra = infra;
    }

    public ScaleRow run(Topology topology, Population population) throws Exception {
        String label = topology.name();
        Database database = infra.database("scale_" + topology.tag());
        RedisEndpoint redis = topology.cluster() ? infra.redisCluster(topology.tag())
                : infra.redis("scale-" + topology.tag());
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            // The first instance migrates the fresh database alone: instances that start together race on
            // Liquibase's creation of its changelog table, and all but one exit.
            instances.add(start(topology, 1, database, redis));
            instances.get(0).awaitReady(START_LIMIT);
            for (int i = 2; i <= topology.instances(); i++) {
                instances.add(start(topology, i, database, redis));
            }
            for (ServiceProcess instance : instances) {
                instance.awaitReady(START_LIMIT);
            }
            harness.progress().say("%s: up (%s=%s); joining %,d memberships", label, redis.environmentVariable(),
                    redis.address(), population.memberships());
            WriteBehindDrain.joinAndDrain(instances.get(0), population);
            List<ReadstateApi> apis = instances.stream().map(ServiceProcess::api).toList();
            Target target = new RoundRobin(apis);
            Heads.Before before = Heads.before(population, apis);
            Workload chat = new Workload(population, Mix.CHAT, 1);
            Workload events = chat.withMix(Mix.CHAT_EVENTS, 2);
            harness.warmUp(label, target, chat, Optional.of(events), Optional.of(() -> compilationMillis(instances)));
            WriteBehindDrain.drain(instances.get(0));
            Sustained single = harness.sustained(label + ", one request per event", chat, 1, 500, target);
            Sustained batch = harness.sustained(label + ", /v1/events x" + ModeBench.BATCH, events, ModeBench.BATCH,
                    5_000, target);
            harness.requireNewMessages(label, before);
            BacklogDrain backlog = BacklogDrain.check(instances);
            harness.progress().say("%s: backlog %,d when the load stopped, %,d after %.1f s of flush tasks; every "
                    + "instance's /status: %s", label, backlog.left(), backlog.after(), backlog.millis() / 1e3,
                    backlog.instances());
            harness.checks().require(backlog.drained(), label + ": the backlog did not drain to 0 (flush task: "
                    + backlog.after() + ", /status of each instance: " + backlog.instances() + ")");
            return new ScaleRow(topology, single, batch, backlog);
        } finally {
            instances.forEach(ServiceProcess::stop);
            if (redis instanceof RedisCluster cluster) {
                cluster.close();
            } else if (redis instanceof RedisServer server) {
                server.stop();
            }
        }
    }

    private ServiceProcess start(Topology topology, int instance, Database database, RedisEndpoint redis) {
        return infra.service("scale-" + topology.tag() + "-" + instance, "write-behind", database.storesWith(redis));
    }

    /** The instances' JIT compile time together; -1 when one cannot tell. */
    private static long compilationMillis(List<ServiceProcess> instances) {
        long total = 0;
        for (ServiceProcess instance : instances) {
            long millis = instance.admin().compilationMillis();
            if (millis < 0) {
                return -1;
            }
            total += millis;
        }
        return total;
    }
}
