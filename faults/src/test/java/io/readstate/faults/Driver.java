package io.readstate.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends workload events to one or more instances (taking turns, one request each) and
 * writes every acknowledged event to the {@link Ledger}. Like a chat service, it can
 * retry what got no answer (a 503 or no HTTP answer at all) until it gets one: every
 * event of the workload is safe to repeat (messages are idempotent by seq, reads only
 * move forward, joins and deletions repeat as no-ops), except that a repeated leave
 * answers 404 once the first attempt did land; such a 404, after an attempt without an
 * answer, counts as the acknowledgement of that first attempt.
 */
final class Driver {

    private static final long RETRY_PAUSE_MILLIS = 50;

    private final List<ServiceClient> targets;
    private final Ledger ledger;
    private final AtomicLong turn = new AtomicLong();
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Queue<String> rejections = new ConcurrentLinkedQueue<>();

    /**
     * One request: when its answer (or failure) came, whether it was an answer (not a 503),
     * its status (-1: no HTTP answer), how long it took and what it said.
     */
    record Attempt(long atNanos, boolean answered, int status, Duration took, String body) {
    }

    Driver(Ledger ledger, ServiceClient... targets) {
        this.ledger = ledger;
        this.targets = List.of(targets);
    }

    Ledger ledger() {
        return ledger;
    }

    /** Sends the events, each through its own endpoint, each until it has an answer. */
    void sendEachUntilAnswered(List<ChatEvent> events, Duration patience) {
        for (ChatEvent event : events) {
            ledger.sent();
            long deadline = System.nanoTime() + patience.toNanos();
            boolean unanswered = false;
            while (true) {
                Optional<ServiceClient.Answer> answer = attempt(event.call());
                if (answer.isPresent() && answer.get().status() != 503) {
                    judge(event, answer.get().status(), answer.get().body(), unanswered);
                    break;
                }
                unanswered = true;
                giveUpAfter(deadline, event + " got no answer but " + answer.map(ServiceClient.Answer::body).orElse("none"));
                Pause.millis(RETRY_PAUSE_MILLIS);
            }
        }
    }

    /** Sends the events as one {@code /v1/events} batch until it has an answer for every event. */
    void sendBatchUntilAnswered(List<ChatEvent> events, Duration patience) {
        events.forEach(event -> ledger.sent());
        ArrayNode items = ServiceClient.JSON.createArrayNode();
        events.forEach(event -> items.add(event.batchItem()));
        ObjectNode envelope = ServiceClient.JSON.createObjectNode();
        envelope.set("events", items);
        ChatEvent.HttpCall call = new ChatEvent.HttpCall("POST", "/v1/events", envelope.toString());
        long deadline = System.nanoTime() + patience.toNanos();
        boolean unanswered = false;
        while (true) {
            Optional<ServiceClient.Answer> answer = attempt(call);
            if (answer.isPresent() && answer.get().status() == 200 && !anyUnavailable(answer.get())) {
                JsonNode results = answer.get().json().path("results");
                for (int i = 0; i < events.size(); i++) {
                    JsonNode result = results.path(i);
                    judge(events.get(i), result.path("status").asInt(-1), result.toString(),
                            unanswered, unanswered && leftLaterInTheBatch(events, i));
                }
                return;
            }
            if (answer.isPresent() && answer.get().status() != 503 && answer.get().status() != 200) {
                throw new AssertionError("a batch of valid events answered " + answer.get().status() + ": "
                        + answer.get().body());
            }
            unanswered = true;
            giveUpAfter(deadline, "a batch of " + events.size() + " events got no answer");
            Pause.millis(RETRY_PAUSE_MILLIS);
        }
    }

    /** Sends one event once, through its own endpoint, and records it if acknowledged; empty: no HTTP answer. */
    Optional<ServiceClient.Answer> sendOnce(ChatEvent event) {
        ledger.sent();
        Optional<ServiceClient.Answer> answer = attempt(event.call());
        answer.ifPresent(a -> {
            if (a.status() != 503) {
                judge(event, a.status(), a.body(), false);
            }
        });
        return answer;
    }

    private void judge(ChatEvent event, int status, String body, boolean earlierAttemptUnanswered) {
        judge(event, status, body, earlierAttemptUnanswered, false);
    }

    /**
     * An event is acknowledged when it answered 2xx, or when a 404 shows that an earlier,
     * unanswered attempt of its batch landed: a leave found its member gone (that attempt
     * removed it), or a read's member had left by a leave later in the same batch (that
     * attempt applied the read, then the leave; the resent read finds no member).
     */
    private void judge(ChatEvent event, int status, String body, boolean earlierAttemptUnanswered,
                       boolean memberLeftLaterInTheBatch) {
        boolean leaveThatLanded = event instanceof ChatEvent.Leave && status == 404 && earlierAttemptUnanswered;
        boolean readBeforeALeaveThatLanded = event instanceof ChatEvent.Read && status == 404
                && memberLeftLaterInTheBatch;
        if (status / 100 == 2 || leaveThatLanded || readBeforeALeaveThatLanded) {
            ledger.acknowledged(event);
        } else {
            rejections.add(event + " -> " + status + " " + body);
        }
    }

    /** Whether the read at {@code index} is followed in its batch by its member's leave of that channel. */
    private static boolean leftLaterInTheBatch(List<ChatEvent> events, int index) {
        if (!(events.get(index) instanceof ChatEvent.Read read)) {
            return false;
        }
        return events.subList(index + 1, events.size()).stream()
                .anyMatch(later -> later instanceof ChatEvent.Leave leave
                        && leave.channel().equals(read.channel()) && leave.user().equals(read.user()));
    }

    private static boolean anyUnavailable(ServiceClient.Answer answer) {
        for (JsonNode result : answer.json().path("results")) {
            if (result.path("status").asInt() == 503) {
                return true;
            }
        }
        return false;
    }

    private Optional<ServiceClient.Answer> attempt(ChatEvent.HttpCall call) {
        ServiceClient target = targets.get((int) (turn.getAndIncrement() % targets.size()));
        long start = System.nanoTime();
        try {
            ServiceClient.Answer answer = target.api(call.method(), call.path(), call.body());
            attempts.add(new Attempt(System.nanoTime(), answer.status() != 503, answer.status(), answer.took(),
                    answer.status() / 100 == 2 ? "" : answer.body()));
            return Optional.of(answer);
        } catch (IOException noAnswer) {
            long now = System.nanoTime();
            attempts.add(new Attempt(now, false, -1, Duration.ofNanos(now - start), noAnswer.toString()));
            return Optional.empty();
        }
    }

    private static void giveUpAfter(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("gave up retrying: " + what);
        }
    }

    /** The requests so far, in the order they ended. */
    List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    /** The events the service refused (a 4xx the workload did not expect), for the failure messages. */
    List<String> rejections() {
        return new ArrayList<>(rejections);
    }

    /** When the first request after {@code sinceNanos} went unanswered (a 503 or no answer). */
    Optional<Long> firstFailureAfter(long sinceNanos) {
        return attempts().stream().filter(a -> a.atNanos() >= sinceNanos && !a.answered()).map(Attempt::atNanos)
                .min(Long::compare);
    }

    /** When the first request after {@code sinceNanos} was answered (not with a 503). */
    Optional<Long> firstAnswerAfter(long sinceNanos) {
        return attempts().stream().filter(a -> a.atNanos() >= sinceNanos && a.answered()).map(Attempt::atNanos)
                .min(Long::compare);
    }
}
