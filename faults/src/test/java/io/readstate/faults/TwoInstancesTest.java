package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 4 (a deployment fact more than a fault): two instances on the same Redis and
 * PostgreSQL, both taking traffic and both flushing every 200 ms. Two workloads run at
 * once, on channels of their own, each sending its requests to the two instances in
 * turn (one in batches, one event per request). Both instances answer exactly what the
 * rules give; once the backlog is drained, PostgreSQL does too (Redis wiped and rebuilt
 * from it), and each instance wrote rows to it.
 */
@Order(4)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class TwoInstancesTest {

    private static final long SEED = 1_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void two_instances_serving_and_flushing_together_answer_exactly_and_leave_postgres_exact() throws Exception {
        try (TestBed bed = TestBed.start("two-instances")) {
            ServiceInstance first = bed.service("first", bed.writeBehind().flushInterval("200ms"));
            ServiceInstance second = bed.service("second", bed.writeBehind().flushInterval("200ms"));
            Workload batched = new Workload(SEED, "x", 2, 6);
            Workload single = new Workload(SEED + 1, "y", 2, 6);
            StateCheck check = StateCheck.of(batched, single);
            Ledger ledger = new Ledger();
            Driver batchedDriver = new Driver(ledger, first.client(), second.client());
            Driver singleDriver = new Driver(ledger, second.client(), first.client());
            batchedDriver.sendEachUntilAnswered(batched.opening(), PATIENCE);
            singleDriver.sendEachUntilAnswered(single.opening(), PATIENCE);

            Traffic batches = Traffic.start(batchedDriver, batched, 10, 1_500, PATIENCE);
            Traffic singles = Traffic.start(singleDriver, single, 1, 500, PATIENCE);
            try {
                batches.awaitEnd(Duration.ofSeconds(90));
                singles.awaitEnd(Duration.ofSeconds(90));
            } finally {
                batches.stop();
                singles.stop();
            }
            long trafficEnded = System.nanoTime();
            Optional<Long> drained = Await.until(Duration.ofSeconds(30), 100,
                    () -> first.client().status().path("backlog").asLong() == 0);
            assertThat(drained).as("the backlog drained").isPresent();

            check.assertShowsExactly(first.client(), ledger.acknowledged(), "the first instance");
            check.assertShowsExactly(second.client(), ledger.acknowledged(), "the second instance");
            assertThat(rowsWritten(first)).as("rows the first instance flushed").isPositive();
            assertThat(rowsWritten(second)).as("rows the second instance flushed").isPositive();
            first.client().flush();
            second.client().flush();
            bed.redis().flushAll();
            first.client().rehydrate();
            check.assertShowsExactly(first.client(), ledger.acknowledged(),
                    "the first instance after wiping Redis and rebuilding it from PostgreSQL");
            check.assertShowsExactly(second.client(), ledger.acknowledged(),
                    "the second instance after wiping Redis and rebuilding it from PostgreSQL");
            assertThat(batchedDriver.rejections()).as("events the service refused").isEmpty();
            assertThat(singleDriver.rejections()).as("events the service refused").isEmpty();

            FaultReport.add(new FaultReport.Row(String.format("two instances on one Redis and PostgreSQL, both serving "
                            + "and flushing (rows written: %d and %d)", rowsWritten(first), rowsWritten(second)),
                    ledger.sentCount(), ledger.acknowledgedCount(), "0", "n/a", "n/a",
                    FaultReport.seconds(drained.map(at -> FaultReport.between(trafficEnded, at)))));
        }
    }

    private static long rowsWritten(ServiceInstance instance) {
        return instance.client().metrics().path("meters").path("readstate.flush.rows-written").path("count").asLong();
    }
}
