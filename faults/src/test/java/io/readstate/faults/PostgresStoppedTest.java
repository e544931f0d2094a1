package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 2: PostgreSQL crashes ({@code pg_ctl stop -m immediate}) for about 15 s while
 * events keep coming. In write-behind every request still succeeds, {@code /status}
 * shows the backlog and the lag growing, and {@code /healthcheck} reports {@code postgres}
 * and {@code sync-lag} unhealthy; once PostgreSQL is back the backlog drains by itself,
 * and PostgreSQL then holds every acknowledged change (Redis wiped and rebuilt from it
 * answers the same). A write-through instance (its own Redis, the same PostgreSQL)
 * answers 503 {@code unavailable} meanwhile and changes nothing.
 *
 * <p>The sync-lag limit is lowered to 5 s ({@code -Ddw.flush.syncLagLimit=5s}; the
 * shipped 30 s would need a 30 s outage); the flusher's backoff keeps its shipped
 * maximum (30 s), so the drain time shows what an operator would see: the backlog drains
 * within seconds of PostgreSQL's return, the flusher having asked the health checks
 * while it waited.
 */
@Order(2)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PostgresStoppedTest {

    private static final long SEED = 42L;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void writes_keep_succeeding_while_postgres_is_down_and_the_backlog_drains_by_itself_when_it_returns()
            throws Exception {
        try (TestBed bed = TestBed.start("postgres-stopped")) {
            ServiceInstance writeBehind = bed.service("write-behind",
                    bed.writeBehind().override("flush.syncLagLimit=5s"));
            ServiceInstance writeThrough = bed.service("write-through",
                    bed.writeBehind().mode("write-through").redis(bed.newRedis("redis-write-through")));
            Workload behind = new Workload(SEED, "b", 3, 6);
            Workload through = new Workload(SEED + 1, "t", 3, 6);
            StateCheck behindCheck = StateCheck.of(behind);
            StateCheck throughCheck = StateCheck.of(through);
            Ledger behindLedger = new Ledger();
            Ledger throughLedger = new Ledger();
            Driver behindDriver = new Driver(behindLedger, writeBehind.client());
            Driver throughDriver = new Driver(throughLedger, writeThrough.client());
            behindDriver.sendBatchUntilAnswered(behind.opening(), PATIENCE);
            behindDriver.sendBatchUntilAnswered(behind.next(200), PATIENCE);
            throughDriver.sendEachUntilAnswered(through.opening(), PATIENCE);
            throughDriver.sendEachUntilAnswered(through.next(40), PATIENCE);
            writeBehind.client().flush();
            SortedMap<String, String> throughBefore = throughCheck.observe(writeThrough.client());

            long stoppedAt = System.nanoTime();
            bed.postgres().stopImmediate();
            Outage outage = new Outage();
            long lastSample = 0;
            long lastThroughRequest = 0;
            while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                for (ChatEvent event : behind.next(5)) {
                    Optional<ServiceClient.Answer> answer = behindDriver.sendOnce(event);
                    if (answer.isEmpty() || !answer.get().succeeded()) {
                        outage.behindFailures.add(event + " -> " + answer.map(a -> a.status() + " " + a.body())
                                .orElse("no answer"));
                    }
                }
                if (System.nanoTime() - lastSample > 250_000_000L) {
                    lastSample = System.nanoTime();
                    outage.sample(writeBehind.client());
                }
                if (System.nanoTime() - lastThroughRequest > 700_000_000L) {
                    lastThroughRequest = System.nanoTime();
                    outage.throughAnswers.add(throughDriver.sendOnce(through.next()));
                }
            }
            outage.sample(writeBehind.client());

            long startedAt = System.nanoTime();
            bed.postgres().start();
            Optional<Long> healthyAgain = Await.until(Duration.ofSeconds(30), 100,
                    () -> checkIsHealthy(writeBehind.client().health().json(), "postgres"));
            Optional<Long> drained = Await.until(Duration.ofSeconds(60), 100,
                    () -> writeBehind.client().status().path("backlog").asLong() == 0);

            // write-through: every request during the outage answered 503 unavailable and changed nothing;
            // it serves again as soon as PostgreSQL does
            assertThat(outage.throughAnswers).as("write-through requests while PostgreSQL was down").isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer).hasValueSatisfying(a -> assertThat(a.status() == 503
                            && a.isError("unavailable")).as("503 unavailable, got %d %s", a.status(), a.body()).isTrue()));
            assertThat(StateCheck.differences(throughBefore, throughCheck.observe(writeThrough.client())))
                    .as("write-through state after the refused requests").isEmpty();
            throughDriver.sendEachUntilAnswered(through.next(10), PATIENCE);
            throughCheck.assertShowsExactly(writeThrough.client(), throughLedger.acknowledged(),
                    "write-through after the outage");

            assertThat(outage.behindFailures).as("write-behind requests while PostgreSQL was down").isEmpty();
            assertThat(outage.lastBacklog).as("backlog at the end of the outage (it was %d at its start)",
                    outage.firstBacklog).isGreaterThan(outage.firstBacklog);
            assertThat(outage.lastLagMillis).as("lagMillis at the end of the outage").isGreaterThanOrEqualTo(10_000);
            assertThat(outage.postgresUnhealthyAt).as("/healthcheck reported postgres unhealthy").isPresent();
            assertThat(outage.syncLagUnhealthyAt).as("/healthcheck reported sync-lag unhealthy").isPresent();
            assertThat(healthyAgain).as("postgres healthy again within 30 s").isPresent();
            assertThat(drained).as("the backlog drained by itself within 60 s of PostgreSQL's return").isPresent();
            assertThat(FaultReport.between(startedAt, drained.get())).as("the flusher does not wait out its backoff "
                    + "(by then 16 s or more) once PostgreSQL answers again").isLessThan(Duration.ofSeconds(8));
            behindCheck.assertShowsExactly(writeBehind.client(), behindLedger.acknowledged(), "after the outage");
            writeBehind.client().flush();
            bed.redis().flushAll();
            writeBehind.client().rehydrate();
            behindCheck.assertShowsExactly(writeBehind.client(), behindLedger.acknowledged(),
                    "after wiping Redis and rebuilding it from PostgreSQL");
            assertThat(behindDriver.rejections()).as("write-behind events the service refused").isEmpty();

            FaultReport.add(new FaultReport.Row(String.format("PostgreSQL stopped (-m immediate) %d s, write-behind: "
                            + "all 2xx, backlog %d→%d, lag to %.1f s", OUTAGE.toSeconds(), outage.firstBacklog,
                            outage.lastBacklog, outage.lastLagMillis / 1000.0),
                    behindLedger.sentCount(), behindLedger.acknowledgedCount(), "0",
                    FaultReport.seconds(outage.postgresUnhealthyAt.map(at -> FaultReport.between(stoppedAt, at))),
                    FaultReport.seconds(healthyAgain.map(at -> FaultReport.between(startedAt, at))),
                    FaultReport.seconds(drained.map(at -> FaultReport.between(startedAt, at)))));

            FaultReport.add(new FaultReport.Row("PostgreSQL stopped, write-through: " + outage.throughAnswers.size()
                            + " requests, all 503 unavailable, nothing changed",
                    throughLedger.sentCount(), throughLedger.acknowledgedCount(), "0",
                    FaultReport.seconds(throughDriver.firstFailureAfter(stoppedAt)
                            .map(at -> FaultReport.between(stoppedAt, at))),
                    FaultReport.seconds(throughDriver.firstAnswerAfter(startedAt)
                            .map(at -> FaultReport.between(startedAt, at))),
                    "n/a"));
        }
    }

    private static boolean checkIsHealthy(JsonNode health, String check) {
        return health.path(check).path("healthy").asBoolean(false);
    }

    /** What was seen while PostgreSQL was down. */
    private static final class Outage {
        final List<String> behindFailures = new ArrayList<>();
        final List<Optional<ServiceClient.Answer>> throughAnswers = new ArrayList<>();
        long firstBacklog = -1;
        long lastBacklog;
        long lastLagMillis;
        Optional<Long> postgresUnhealthyAt = Optional.empty();
        Optional<Long> syncLagUnhealthyAt = Optional.empty();

        void sample(ServiceClient service) {
            JsonNode status = service.status();
            if (firstBacklog < 0) {
                firstBacklog = status.path("backlog").asLong();
            }
            lastBacklog = status.path("backlog").asLong();
            lastLagMillis = status.path("lagMillis").asLong();
            JsonNode health = service.health().json();
            long now = System.nanoTime();
            if (postgresUnhealthyAt.isEmpty() && !checkIsHealthy(health, "postgres")) {
                postgresUnhealthyAt = Optional.of(now);
            }
            if (syncLagUnhealthyAt.isEmpty() && !checkIsHealthy(health, "sync-lag")) {
                syncLagUnhealthyAt = Optional.of(now);
            }
        }
    }
}
