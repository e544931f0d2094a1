package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale-out: three service processes on a Redis Cluster (3 masters, 3 replicas, started
 * by {@code scripts/redis-cluster.sh}) and one PostgreSQL, each taking traffic and each
 * flushing. Midway a master is killed with SIGKILL; its replica takes over. Every
 * instance then answers exactly what the rules give for every acknowledged event (a
 * request that got a 503 was sent again, as a chat service would), every instance wrote
 * rows to PostgreSQL, and PostgreSQL ends exact.
 */
@Order(7)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterInstancesTest {

    private static final long SEED = 7_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration FAILOVER = Duration.ofSeconds(15);

    @Test
    void three_instances_on_a_cluster_answer_exactly_through_the_failover_of_a_master() throws Exception {
        try (TestBed bed = TestBed.start("cluster-instances")) {
            PrivateRedisCluster cluster = bed.newCluster("cluster");
            ServiceInstance.Settings settings = bed.writeBehind().onCluster(cluster.nodes()).flushInterval("200ms");
            List<ServiceInstance> instances = List.of(bed.service("first", settings), bed.service("second", settings),
                    bed.service("third", settings));
            ServiceClient[] clients = instances.stream().map(ServiceInstance::client).toArray(ServiceClient[]::new);
            Workload batched = new Workload(SEED, "x", 12, 10);
            Workload single = new Workload(SEED + 1, "y", 12, 10);
            StateCheck check = StateCheck.of(batched, single);
            Ledger ledger = new Ledger();
            Driver batchedDriver = new Driver(ledger, clients);
            Driver singleDriver = new Driver(ledger, clients[2], clients[0], clients[1]);
            batchedDriver.sendEachUntilAnswered(batched.opening(), PATIENCE);
            singleDriver.sendEachUntilAnswered(single.opening(), PATIENCE);

            Traffic batches = Traffic.start(batchedDriver, batched, 10, 2_000, PATIENCE);
            Traffic singles = Traffic.start(singleDriver, single, 1, 600, PATIENCE);
            long killedAt;
            try {
                Thread.sleep(3_000);
                int killed = cluster.firstPort();
                assertThat(cluster.role(killed)).as("the node to kill is a master").isEqualTo("master");
                cluster.killHard(killed);
                killedAt = System.nanoTime();
                batches.awaitEnd(Duration.ofSeconds(150));
                singles.awaitEnd(Duration.ofSeconds(150));
            } finally {
                batches.stop();
                singles.stop();
            }
            long trafficEnded = System.nanoTime();
            Optional<Long> drained = Await.until(Duration.ofSeconds(30), 100,
                    () -> clients[0].status().path("backlog").asLong() == 0);
            assertThat(drained).as("the backlog drained").isPresent();

            for (ServiceInstance instance : instances) {
                check.assertShowsExactly(instance.client(), ledger.acknowledged(), "instance " + instance.name());
                assertThat(rowsWritten(instance)).as("rows " + instance.name() + " flushed").isPositive();
            }
            assertThat(clients[0].status().path("lastRedisLoss").isNull())
                    .as("the replica kept the shards' epochs: no loss to report").isTrue();
            for (ServiceClient client : clients) {
                client.flush();
            }
            cluster.flushAll();
            clients[0].rehydrate();
            check.assertShowsExactly(clients[1], ledger.acknowledged(),
                    "an instance after wiping the cluster and rebuilding it from PostgreSQL");
            assertThat(batchedDriver.rejections()).as("events the service refused").isEmpty();
            assertThat(singleDriver.rejections()).as("events the service refused").isEmpty();

            long unavailable = batchedDriver.attempts().stream().filter(a -> !a.answered()).count()
                    + singleDriver.attempts().stream().filter(a -> !a.answered()).count();
            FaultReport.add(new FaultReport.Row(String.format("three instances on a Redis Cluster, a master killed "
                            + "(kill -9) and failed over to its replica; %d requests answered 503 and were sent again; "
                            + "rows flushed per instance: %d, %d, %d", unavailable, rowsWritten(instances.get(0)),
                            rowsWritten(instances.get(1)), rowsWritten(instances.get(2))),
                    ledger.sentCount(), ledger.acknowledgedCount(), "0", "n/a",
                    FaultReport.seconds(Optional.of(FaultReport.between(killedAt, lastUnanswered(batchedDriver,
                            singleDriver, killedAt)))),
                    FaultReport.seconds(drained.map(at -> FaultReport.between(trafficEnded, at)))));
        }
    }

    /**
     * When the last request without an answer came back within the failover (the 15 s
     * after the kill), or the kill itself when none did. A 503 later than that is not the
     * failover's (a starved machine can time out a command); it is counted all the same.
     */
    private static long lastUnanswered(Driver first, Driver second, long killedAt) {
        long failoverEnd = killedAt + FAILOVER.toNanos();
        return Stream.concat(first.attempts().stream(), second.attempts().stream())
                .filter(attempt -> !attempt.answered() && attempt.atNanos() > killedAt && attempt.atNanos() < failoverEnd)
                .mapToLong(Driver.Attempt::atNanos).max().orElse(killedAt);
    }

    private static long rowsWritten(ServiceInstance instance) {
        return instance.client().metrics().path("meters").path("readstate.flush.rows-written").path("count").asLong();
    }
}
