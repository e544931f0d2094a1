package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 1: the service is killed with SIGKILL while a burst of events runs and a flush is
 * in the middle of writing a batch (flushing every 200 ms; the kill waits until a flush
 * holds a claim, and a claim left behind afterwards proves the flush was cut off). The
 * service is started again; the workload retries what got no answer, as a chat service
 * would. Once the backlog is drained, every acknowledged change is in the API's answers,
 * and in PostgreSQL: after wiping the private Redis and rebuilding it from PostgreSQL
 * the answers are the same. Detect and recover are measured from the (last) kill to the
 * workload's first failed and first answered request; drain from the end of the workload
 * to an empty backlog.
 *
 * <p>The flush lease is shortened to 5 s ({@code -Ddw.flush.lease=5s}) so that the
 * dead flusher's claim runs out within the scenario's time budget; the takeover path is
 * the same as with the shipped 30 s.
 */
@Order(1)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServiceKilledMidFlushTest {

    private static final int SHARDS = 128;

    private static final long SEED = 20261127L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int BURST = 2_400;

    @Test
    void every_acknowledged_change_survives_a_kill_minus_9_in_the_middle_of_a_flush() throws Exception {
        try (TestBed bed = TestBed.start("service-killed")) {
            ServiceInstance service = bed.service("readstate",
                    bed.writeBehind().flushInterval("200ms").override("flush.lease=5s"));
            Workload workload = new Workload(SEED, "k", 3, 6);
            StateCheck check = StateCheck.of(workload);
            Ledger ledger = new Ledger();
            Driver driver = new Driver(ledger, service.client());
            driver.sendBatchUntilAnswered(workload.opening(), PATIENCE);

            Traffic traffic = Traffic.start(driver, workload, 20, BURST, PATIENCE);
            long killedAt;
            boolean midFlush = false;
            int kills = 0;
            try {
                assertThat(Await.until(Duration.ofSeconds(30), 20, () -> ledger.acknowledgedCount() >= BURST / 4))
                        .as("a quarter of the burst acknowledged").isPresent();
                do {
                    kills++;
                    killedAt = killDuringAFlush(service, bed.redis());
                    midFlush = claimLeftBehind(bed.redis());
                    service.restart();
                } while (!midFlush && kills < 3 && traffic.running());
                traffic.awaitEnd(Duration.ofSeconds(120));
            } finally {
                traffic.stop();
            }
            long trafficEnded = System.nanoTime();
            long lastKill = killedAt;
            assertThat(midFlush).as("one of %d kills landed while a flush held its claim", kills).isTrue();

            Optional<Long> drained = Await.until(Duration.ofSeconds(40), 100,
                    () -> service.client().status().path("backlog").asLong() == 0);
            assertThat(drained).as("the backlog (with the dead flusher's claim) drains by itself").isPresent();
            service.client().flush();
            check.assertShowsExactly(service.client(), ledger.acknowledged(), "after the restart and a flush");

            bed.redis().flushAll();
            service.client().rehydrate();
            check.assertShowsExactly(service.client(), ledger.acknowledged(),
                    "after wiping Redis and rebuilding it from PostgreSQL");
            assertThat(driver.rejections()).as("events the service refused").isEmpty();

            FaultReport.add(new FaultReport.Row("service killed (SIGKILL) mid-flush, " + kills + " kill(s), restarted",
                    ledger.sentCount(), ledger.acknowledgedCount(), "0",
                    FaultReport.seconds(driver.firstFailureAfter(lastKill).map(at -> FaultReport.between(lastKill, at))),
                    FaultReport.seconds(driver.firstAnswerAfter(lastKill).map(at -> FaultReport.between(lastKill, at))),
                    FaultReport.seconds(drained.map(at -> FaultReport.between(trafficEnded, at)))));
        }
    }

    /** Waits (at most 10 s) until a flush holds a claim, then kills the service at once; returns when. */
    private static long killDuringAFlush(ServiceInstance service, PrivateRedis redis) throws IOException {
        try (Resp connection = new Resp(redis.port(), 2_000)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!anyClaim(connection) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        service.killHard();
        return System.nanoTime();
    }

    /** A claim still in Redis after the only flusher died: the kill cut a flush off between claim and release. */
    private static boolean claimLeftBehind(PrivateRedis redis) throws IOException {
        try (Resp connection = new Resp(redis.port(), 2_000)) {
            return anyClaim(connection);
        }
    }

    /** Whether any of the 128 shards holds a claim (their keys: {@code rs:{s<n>}:claims}, see RedisKeys). */
    private static boolean anyClaim(Resp connection) throws IOException {
        String[] command = new String[1 + SHARDS];
        command[0] = "EXISTS";
        for (int shard = 0; shard < SHARDS; shard++) {
            command[1 + shard] = "rs:{s" + shard + "}:claims";
        }
        return ((Long) connection.call(command)) > 0;
    }
}
