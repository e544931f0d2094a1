package io.readstate.bench.infra;

import io.readstate.bench.load.Target;
import io.readstate.bench.workload.Channel;
import io.readstate.bench.workload.Event;
import io.readstate.bench.workload.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readstate's HTTP API as the benchmark uses it: one request per event, or
 * {@code /v1/events} for a list of events; joining a population; reading state back.
 */
public final class ReadstateApi implements Target, AutoCloseable {

    private static final int USERS_PER_JOIN = 2_000;
    private static final int JOINS_IN_FLIGHT = 4;
    private static final int JOIN_ATTEMPTS = 5;

    /** Connections to the service: enough that one slow request holds up few others, few enough to cost little. */
    static final int CONNECTIONS = 16;
    private static final long BLOCKING_TIMEOUT_SECONDS = 60;
    private static final String APPLIED = "\"applied\":";

    private final PipelinedHttp client;
    private final List<String> headers;
    private final AtomicLong messagesAnswered = new AtomicLong();
    private final AtomicLong messagesRefused = new AtomicLong();

    /** Messages answered, and of those how many the service refused as not new ({@code "applied": false}). */
    public record MessageCount(long answered, long refused) {

        public MessageCount plus(MessageCount other) {
            return new MessageCount(answered + other.answered, refused + other.refused);
        }

        public MessageCount minus(MessageCount earlier) {
            return new MessageCount(answered - earlier.answered, refused - earlier.refused);
        }
    }

    public ReadstateApi(String baseUrl, String token) {
        this.client = new PipelinedHttp(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                CONNECTIONS);
        this.headers = List.of("Authorization: Bearer " + token);
    }

    @Override
    public void close() {
        client.close();
    }

    /** One event: its own endpoint; several: one {@code /v1/events} request. */
    @Override
    public CompletableFuture<Void> send(List<Event> events) {
        return call(events).thenAccept(body -> { });
    }

    /** As {@link #send}, answering the response body. */
    public CompletableFuture<String> call(List<Event> events) {
        if (events.size() > 1) {
            return exchange("POST", "/v1/events", EventJson.batch(events))
                    .thenApply(body -> countMessages(events, noFailedEvent(body)));
        }
        Event event = events.get(0);
        if (event instanceof Event.Message message) {
            return exchange("POST", "/v1/channels/" + message.channel() + "/messages", EventJson.message(message))
                    .thenApply(body -> countMessages(events, body));
        }
        if (event instanceof Event.Read read) {
            return exchange("POST", "/v1/channels/" + read.channel() + "/read", EventJson.read(read));
        }
        return exchange("GET", "/v1/users/" + ((Event.UnreadQuery) event).user() + "/unread", null);
    }

    /**
     * The messages this client has had answered so far, and how many of them the service
     * refused as not new: a seq at or below its channel's head, sent again or overtaken in
     * flight by a later one of its channel (requests go out on several connections).
     */
    public MessageCount messages() {
        return new MessageCount(messagesAnswered.get(), messagesRefused.get());
    }

    /** Counts the messages among {@code events} and those answered {@code "applied": false}; each answer has its own. */
    private String countMessages(List<Event> events, String body) {
        int at = 0;
        for (Event event : events) {
            at = body.indexOf(APPLIED, at);
            if (at < 0) {
                throw new IllegalStateException("fewer answers than events in " + body);
            }
            at += APPLIED.length();
            if (event instanceof Event.Message) {
                messagesAnswered.incrementAndGet();
                if (body.startsWith("false", at)) {
                    messagesRefused.incrementAndGet();
                }
            }
        }
        return body;
    }

    /**
     * Makes every channel of the population with its members, a few bulk joins at a time,
     * each asked again after a failure (joining again changes nothing).
     */
    public void join(Population population) {
        Semaphore inFlight = new Semaphore(JOINS_IN_FLIGHT);
        List<CompletableFuture<String>> joins = new ArrayList<>();
        for (Channel channel : population.channels()) {
            for (int from = 0; from < channel.size(); from += USERS_PER_JOIN) {
                List<String> users = new ArrayList<>();
                for (int k = from; k < Math.min(channel.size(), from + USERS_PER_JOIN); k++) {
                    users.add(channel.member(k));
                }
                inFlight.acquireUninterruptibly();
                joins.add(joinOnce(channel.id(), EventJson.userIds(users), 1)
                        .whenComplete((body, failure) -> inFlight.release()));
            }
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<String> joinOnce(String channel, String users, int attempt) {
        return exchange("PUT", "/v1/channels/" + channel + "/members", users).handle((body, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(body);
            }
            if (attempt >= JOIN_ATTEMPTS) {
                return CompletableFuture.<String>failedFuture(failure);
            }
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(500L * attempt,
                    TimeUnit.MILLISECONDS)).thenCompose(x -> joinOnce(channel, users, attempt + 1));
        }).thenCompose(java.util.function.Function.identity());
    }

    /** GET a path: the body, or null on 404. */
    public String get(String path) {
        try {
            return exchange("GET", path, null).orTimeout(BLOCKING_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof HttpFailure failure && failure.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private CompletableFuture<String> exchange(String method, String path, String json) {
        return client.send(method, path, headers, json).thenApply(response -> {
            if (response.status() / 100 != 2) {
                throw new HttpFailure(method + " " + path, response.status(), response.body());
            }
            return response.body();
        });
    }

    private static String noFailedEvent(String body) {
        int at = body.indexOf("\"code\"");
        if (at >= 0) {
            throw new HttpFailure("an event in /v1/events", 200, body.substring(Math.max(0, at - 40),
                    Math.min(body.length(), at + 120)));
        }
        return body;
    }

    /** A request the service did not acknowledge. */
    public static final class HttpFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        HttpFailure(String what, int status, String body) {
            super(what + " answered " + status + ": " + (body.length() > 200 ? body.substring(0, 200) : body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
