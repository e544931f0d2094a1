package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 3: Redis freezes ({@code kill -STOP}): its connections stay open and nothing is
 * answered, the worst kind of outage for a client without timeouts. For 6 s every
 * request, writes and reads alike, must answer 503 {@code unavailable} within 3 s (the
 * slowest is measured), none may hang; after {@code kill -CONT} the service serves again
 * by itself, and no acknowledged change is lost. The workload retries what got a 503,
 * as the contract tells callers to. Detect is the time to the first 503, recover the time
 * from the thaw to the first answered write, drain from the thaw to an empty backlog
 * (waited for at most 10 s after the workload; if it takes longer, a NOTE line shows the
 * flush claims left in Redis and when their lease runs out).
 */
@Order(3)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class RedisPausedTest {

    private static final long SEED = 7L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration FROZEN = Duration.ofSeconds(6);
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(10);

    @Test
    void every_request_answers_503_within_3_s_while_redis_is_frozen_and_the_service_serves_again_by_itself()
            throws Exception {
        try (TestBed bed = TestBed.start("redis-paused")) {
            ServiceInstance service = bed.service("readstate", bed.writeBehind());
            Workload workload = new Workload(SEED, "p", 3, 6);
            StateCheck check = StateCheck.of(workload);
            Ledger ledger = new Ledger();
            Driver driver = new Driver(ledger, service.client());
            driver.sendBatchUntilAnswered(workload.opening(), PATIENCE);

            Traffic traffic = Traffic.start(driver, workload, 1, 500, PATIENCE);
            List<Probe> probes = new ArrayList<>();
            long pausedAt;
            long resumedAt;
            try {
                assertThat(Await.until(Duration.ofSeconds(30), 20, () -> ledger.acknowledgedCount() >= 150))
                        .as("150 events acknowledged before the fault").isPresent();
                pausedAt = System.nanoTime();
                bed.redis().pause();
                try {
                    List<String> reads = List.of("/v1/channels/pc0", "/v1/channels/pc1/members/pu1",
                            "/v1/users/pu2/unread", "/v1/channels/pc2/receipts?seq=1");
                    for (int i = 0; System.nanoTime() - pausedAt < FROZEN.toNanos(); i++) {
                        String path = reads.get(i % reads.size());
                        probes.add(Probe.of("GET " + path, () -> service.client().get(path)));
                    }
                } finally {
                    resumedAt = System.nanoTime();
                    bed.redis().resume();
                }
                traffic.awaitEnd(Duration.ofSeconds(90));
            } finally {
                traffic.stop();
            }
            long frozenFrom = pausedAt;
            long frozenTo = resumedAt;

            // the workload's writes: those that ended while Redis was frozen (or just after) were 503s within the bound
            List<Driver.Attempt> duringTheFault = driver.attempts().stream()
                    .filter(a -> a.atNanos() >= frozenFrom + BOUND.toNanos() && a.atNanos() <= frozenTo).toList();
            List<Driver.Attempt> aroundTheFault = driver.attempts().stream()
                    .filter(a -> a.atNanos() >= frozenFrom && a.atNanos() <= frozenTo + BOUND.toNanos()).toList();
            assertThat(duringTheFault).as("writes answered while Redis was frozen").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status() == 503 && a.body().contains("\"unavailable\""))
                            .as("503 unavailable, got %d %s", a.status(), a.body()).isTrue());
            assertThat(aroundTheFault).allSatisfy(a -> assertThat(a.took()).as("a write's answer time (status %d)",
                    a.status()).isLessThanOrEqualTo(BOUND));
            List<Probe> frozenProbes = probes.stream().filter(p -> p.at >= frozenFrom + BOUND.toNanos()).toList();
            assertThat(frozenProbes).as("reads while Redis was frozen").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.answer).as(p.what + " answered")
                            .hasValueSatisfying(a -> assertThat(a.status() == 503 && a.isError("unavailable"))
                                    .as("%s: 503 unavailable, got %d %s", p.what, a.status(), a.body()).isTrue()));
            assertThat(probes).allSatisfy(p -> assertThat(p.took).as(p.what + " answer time").isLessThanOrEqualTo(BOUND));

            String claimsAfterTheFault = claims(bed.redis());
            Optional<Long> drained = Await.until(DRAIN_PATIENCE, 100,
                    () -> service.client().status().path("backlog").asLong() == 0);
            if (drained.isEmpty()) {
                System.out.println("NOTE | Redis frozen: the backlog had not drained " + FaultReport.seconds(
                        FaultReport.between(frozenTo, System.nanoTime())) + " after Redis thawed; flush claims in Redis "
                        + "when the workload ended: "
                        + claimsAfterTheFault);
            }
            service.client().flush();
            check.assertShowsExactly(service.client(), ledger.acknowledged(), "after Redis was frozen and thawed");
            assertThat(driver.rejections()).as("events the service refused").isEmpty();

            Duration slowest = aroundTheFault.stream().map(Driver.Attempt::took).max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            for (Probe probe : probes) {
                slowest = probe.took.compareTo(slowest) > 0 ? probe.took : slowest;
            }
            long refused = aroundTheFault.stream().filter(a -> a.status() == 503).count()
                    + probes.stream().filter(p -> p.answer.map(a -> a.status() == 503).orElse(false)).count();
            FaultReport.add(new FaultReport.Row(String.format("Redis frozen (kill -STOP) %d s: %d requests answered 503, "
                            + "slowest answer %d ms", FROZEN.toSeconds(), refused, slowest.toMillis()),
                    ledger.sentCount(), ledger.acknowledgedCount(), "0",
                    FaultReport.seconds(driver.firstFailureAfter(frozenFrom).map(at -> FaultReport.between(frozenFrom, at))),
                    FaultReport.seconds(driver.firstAnswerAfter(frozenTo).map(at -> FaultReport.between(frozenTo, at))),
                    drained.map(at -> FaultReport.seconds(FaultReport.between(frozenTo, at)))
                            .orElse("> " + DRAIN_PATIENCE.toSeconds() + " s after the workload")));
        }
    }

    /**
     * The write-behind claims in Redis (a diagnostic for the drain time): which channels are
     * claimed, by which flusher, and how long until their lease runs out, over the 128 shards
     * (their keys: {@code rs:{s<n>}:claims} and {@code rs:{s<n>}:claim-owners}, see RedisKeys).
     */
    @SuppressWarnings("unchecked")
    private static String claims(PrivateRedis redis) {
        try (Resp connection = new Resp(redis.port(), 2_000)) {
            List<Object> time = (List<Object>) connection.call("TIME");
            long now = Long.parseLong((String) time.get(0)) * 1_000 + Long.parseLong((String) time.get(1)) / 1_000;
            List<String> described = new ArrayList<>();
            List<Object> owners = new ArrayList<>();
            for (int shard = 0; shard < 128; shard++) {
                List<Object> claims = (List<Object>) connection.call("ZRANGE", "rs:{s" + shard + "}:claims", "0", "-1",
                        "WITHSCORES");
                owners.addAll((List<Object>) connection.call("HGETALL", "rs:{s" + shard + "}:claim-owners"));
                for (int i = 0; i + 1 < claims.size(); i += 2) {
                    described.add(claims.get(i) + " (lease runs out in "
                            + (Long.parseLong((String) claims.get(i + 1)) - now) + " ms)");
                }
            }
            return described.isEmpty() ? "none" : described + ", owners " + owners;
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** One read during the fault: what, when it ended, how long it took, and its answer (empty: none). */
    private record Probe(String what, long at, Duration took, Optional<ServiceClient.Answer> answer) {

        interface Call {
            ServiceClient.Answer call() throws IOException;
        }

        static Probe of(String what, Call call) {
            long start = System.nanoTime();
            Optional<ServiceClient.Answer> answer;
            try {
                answer = Optional.of(call.call());
            } catch (IOException noAnswer) {
                answer = Optional.empty();
            }
            long end = System.nanoTime();
            return new Probe(what, end, Duration.ofNanos(end - start), answer);
        }
    }
}
