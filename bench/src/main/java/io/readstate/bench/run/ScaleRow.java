package io.readstate.bench.run;

import io.readstate.bench.measure.BacklogDrain;

/** One topology measured: one request per event, {@code /v1/events}, and whether its backlog drained afterwards. */
public record ScaleRow(Topology topology, Sustained single, Sustained batch, BacklogDrain backlog) {
}
