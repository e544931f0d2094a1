package io.readstate.bench.load;

import io.readstate.bench.workload.Event;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Several targets taking turns: each request goes to the next, as a round-robin load balancer sends it. */
public final class RoundRobin implements Target {

    private final List<? extends Target> targets;
    private final AtomicLong sent = new AtomicLong();

    public RoundRobin(List<? extends Target> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        this.targets = List.copyOf(targets);
    }

    @Override
    public CompletableFuture<Void> send(List<Event> events) {
        return targets.get((int) (sent.getAndIncrement() % targets.size())).send(events);
    }
}
