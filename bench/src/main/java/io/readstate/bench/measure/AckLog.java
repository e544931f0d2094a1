package io.readstate.bench.measure;

import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.load.Target;
import io.readstate.bench.workload.Event;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target that remembers every acknowledged event: when it was acknowledged, whether
 * the service applied it, and for a read the read position it reached.
 */
final class AckLog implements Target {

    private static final Pattern APPLIED = Pattern.compile("\"applied\"\\s*:\\s*true");
    private static final Pattern LAST_READ = Pattern.compile("\"lastReadSeq\"\\s*:\\s*(\\d+)");

    /** One acknowledged event: it was applied between {@code sentMillis} and {@code ackMillis}. */
    record Ack(Event event, long sentMillis, long ackMillis, boolean applied, long lastReadSeq) {
    }

    private final ReadstateApi api;
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();

    AckLog(ReadstateApi api) {
        this.api = api;
    }

    @Override
    public CompletableFuture<Void> send(List<Event> events) {
        Event event = events.get(0);
        long sent = System.currentTimeMillis();
        return api.call(events).thenAccept(body -> {
            Matcher read = LAST_READ.matcher(body);
            acks.add(new Ack(event, sent, System.currentTimeMillis(), APPLIED.matcher(body).find(),
                    read.find() ? Long.parseLong(read.group(1)) : 0));
        });
    }

    List<Ack> applied() {
        return acks.stream().filter(Ack::applied).toList();
    }
}
