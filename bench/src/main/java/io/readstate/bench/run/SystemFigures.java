package io.readstate.bench.run;

import io.readstate.bench.measure.Loss;
import io.readstate.bench.measure.Memory;
import io.readstate.bench.measure.Rebuild;
import java.util.Optional;

/**
 * Everything measured for one system (a Readstate mode, or the per-member counters):
 * one request per event, and /v1/events where measured; Redis memory; what a hard Redis
 * kill lost; how long a rebuild from PostgreSQL took.
 */
public record SystemFigures(String system, String label, TransportFigures single, Optional<TransportFigures> batch,
                            Optional<Memory> memory, Optional<Loss> loss, Optional<Rebuild> rebuild) {
}
