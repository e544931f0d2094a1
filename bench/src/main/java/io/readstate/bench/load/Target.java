package io.readstate.bench.load;

import io.readstate.bench.workload.Event;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the load is sent to: completes when the events are acknowledged, exceptionally when they are not. */
public interface Target {

    CompletableFuture<Void> send(List<Event> events);
}
