package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 5: Redis is killed (kill -9) and comes back empty, in write-behind with the
 * flusher effectively off ({@code FLUSH_INTERVAL=1h}), so that what PostgreSQL holds is
 * exactly what the last {@code /tasks/flush} wrote.
 *
 * <ol>
 * <li>Right after a flush: the service must notice the empty Redis by itself (its epoch
 * key is gone) and rebuild from PostgreSQL: within 10 s {@code GET /v1/channels/{id}}
 * answers the recovered headSeq instead of 404; nothing is lost.</li>
 * <li>With changes after the last flush: the service's answers equal the rules applied
 * to the events acknowledged before that flush, and the changes lost are exactly the
 * acknowledged changes since (counted with the rules, and found again as the longest
 * prefix of the acknowledged events the service still shows).</li>
 * <li>The chat service's replay: re-sending the acknowledged messages above each
 * channel's recovered headSeq (messages are idempotent by seq) restores every message,
 * so heads and message counts are exact again. Reads, joins, leaves and deletions made
 * after the last flush cannot be restored this way (the contract gives no seq to replay
 * them from): the check compares the service with the rules applied to the flushed
 * events plus the replayed messages, which is what a replay can restore.</li>
 * </ol>
 * The scenario never calls {@code /tasks/rehydrate}: the rebuild must happen by itself.
 */
@Order(5)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class RedisRestartedEmptyTest {

    private static final long SEED = 5L;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(10);

    @Test
    void an_empty_redis_is_rebuilt_from_postgres_by_itself_and_only_the_unflushed_changes_are_lost() throws Exception {
        try (TestBed bed = TestBed.start("redis-restarted")) {
            ServiceInstance service = bed.service("readstate", bed.writeBehind().flushInterval("1h"));
            Workload workload = new Workload(SEED, "r", 3, 6);
            StateCheck check = StateCheck.of(workload);
            Ledger ledger = new Ledger();
            Driver driver = new Driver(ledger, service.client());
            driver.sendBatchUntilAnswered(workload.opening(), PATIENCE);
            send(driver, workload, 300);

            // 1. everything flushed, then Redis lost
            service.client().flush();
            Rebuild afterAFlush = loseRedis(bed, service, check, ledger.acknowledged());
            check.assertShowsExactly(service.client(), ledger.acknowledged(), "after Redis came back empty right after a flush");
            FaultReport.add(new FaultReport.Row("Redis killed (kill -9), restarted empty right after a flush; "
                    + afterAFlush.lossReport, ledger.sentCount(), ledger.acknowledgedCount(), "0",
                    FaultReport.seconds(afterAFlush.detected), FaultReport.seconds(afterAFlush.recovered), "n/a"));

            // 2. changes after the last flush, then Redis lost
            send(driver, workload, 300);
            service.client().flush();
            int mark = ledger.acknowledgedCount();
            send(driver, workload, 200);
            List<ChatEvent> all = ledger.acknowledged();
            List<ChatEvent> flushed = ledger.acknowledgedBefore(mark);
            long unflushedChanges = StateCheck.changesFrom(all, mark);
            Rebuild withUnflushedChanges = loseRedis(bed, service, check, flushed);

            SortedMap<String, String> observed = check.observe(service.client());
            assertThat(StateCheck.differences(check.expect(flushed), observed))
                    .as("the service's answers against the rules applied to the %d events acknowledged before the "
                            + "last flush", flushed.size()).isEmpty();
            assertThat(StateCheck.differences(check.expect(all), observed))
                    .as("the answers lack the changes made after the last flush").isNotEmpty();
            Optional<StateCheck.Loss> loss = check.lossAgainst(all, observed);
            assertThat(loss).as("the service shows a prefix of the acknowledged events").isPresent();
            assertThat(loss.get().lostChanges()).as("changes lost (%d acknowledged changes came after the last flush)",
                    unflushedChanges).isEqualTo(unflushedChanges);
            FaultReport.add(new FaultReport.Row("Redis killed (kill -9), restarted empty with " + (all.size() - mark)
                    + " events since the last flush; " + withUnflushedChanges.lossReport, ledger.sentCount(),
                    ledger.acknowledgedCount(), loss.get().lostChanges() + " (= " + unflushedChanges
                    + " changes after the last flush)", FaultReport.seconds(withUnflushedChanges.detected),
                    FaultReport.seconds(withUnflushedChanges.recovered), "n/a"));

            // 3. the chat service replays its messages above each recovered head
            List<ChatEvent> replayed = new ArrayList<>();
            for (String channel : workload.channels()) {
                long head = service.client().get("/v1/channels/" + channel).json().path("headSeq").asLong();
                ledger.acknowledgedSince(mark).stream()
                        .filter(event -> event instanceof ChatEvent.Message message && message.channel().equals(channel)
                                && message.seq() > head)
                        .forEach(replayed::add);
            }
            Ledger replayLedger = new Ledger();
            new Driver(replayLedger, service.client()).sendBatchUntilAnswered(replayed, PATIENCE);
            assertThat(replayLedger.acknowledgedCount()).as("replayed messages acknowledged").isEqualTo(replayed.size());
            List<ChatEvent> restorable = new ArrayList<>(flushed);
            restorable.addAll(replayed);
            check.assertShowsExactly(service.client(), restorable,
                    "after replaying the " + replayed.size() + " messages above the recovered heads");
            SortedMap<String, String> everything = check.expect(all);
            SortedMap<String, String> afterReplay = check.observe(service.client());
            for (String channel : workload.channels()) {
                assertThat(headAndLastMessage(afterReplay.get("channel " + channel)))
                        .as("channel %s after the replay: head and last message as if nothing had been lost", channel)
                        .isEqualTo(headAndLastMessage(everything.get("channel " + channel)));
            }
            System.out.println("NOTE | Redis restarted empty: replaying " + replayed.size() + " acknowledged messages "
                    + "above the recovered heads restored every head and message count; "
                    + (all.size() - mark - replayed.size()) + " other events after the last flush (reads, joins, leaves, "
                    + "deletions) cannot be replayed this way");
            assertThat(driver.rejections()).as("events the service refused").isEmpty();
        }
    }

    /** A channel line without its member count (joins and leaves after the last flush are not replayed). */
    private static String headAndLastMessage(String channelLine) {
        return channelLine.replaceAll(" memberCount=\\d+", "");
    }

    private static void send(Driver driver, Workload workload, int events) {
        for (int sent = 0; sent < events; sent += 20) {
            driver.sendBatchUntilAnswered(workload.next(20), PATIENCE);
        }
    }

    /** How the service took the loss: when it answered from PostgreSQL again, when recovery ended, what /status said. */
    private record Rebuild(Optional<Duration> detected, Optional<Duration> recovered, String lossReport) {
    }

    /**
     * Kills Redis, starts it again empty, and waits (10 s at most) for the service to
     * answer a known channel with the head PostgreSQL holds, without any help.
     */
    private static Rebuild loseRedis(TestBed bed, ServiceInstance service, StateCheck check, List<ChatEvent> durable) {
        String channel = durable.get(durable.size() - 1).channel();
        long head = Long.parseLong(check.expect(durable).get("channel " + channel).replaceAll("^headSeq=(\\d+).*", "$1"));
        bed.redis().killHard();
        bed.redis().start();
        long restartedAt = System.nanoTime();
        AtomicReference<String> lastAnswer = new AtomicReference<>("none");
        Optional<Long> rebuilt = Await.until(REBUILD_PATIENCE, 100, () -> {
            ServiceClient.Answer answer = service.client().get("/v1/channels/" + channel);
            lastAnswer.set(answer.status() + " " + answer.body());
            return answer.status() == 200 && answer.json().path("headSeq").asLong() == head;
        });
        if (rebuilt.isEmpty()) {
            throw new AssertionError("service did not rebuild from PostgreSQL by itself: " + REBUILD_PATIENCE.toSeconds()
                    + " s after Redis came back empty, GET /v1/channels/" + channel + " still answered " + lastAnswer.get()
                    + " (expected headSeq " + head + ")");
        }
        Optional<Long> recovered = Await.until(Duration.ofSeconds(30), 100,
                () -> !service.client().status().path("recovering").asBoolean(true));
        JsonNode status = service.client().status();
        JsonNode loss = status.path("lastRedisLoss");
        String report = "recovering=" + status.path("recovering") + (loss.isObject()
                ? ", checkpointAgeMillis=" + loss.path("checkpointAgeMillis") : ", no lastRedisLoss in /status");
        return new Rebuild(Optional.of(FaultReport.between(restartedAt, rebuilt.get())),
                recovered.map(at -> FaultReport.between(restartedAt, at)), report);
    }
}
