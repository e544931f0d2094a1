package io.readstate.bench.run;

import io.readstate.bench.load.StepResult;

/**
 * One step of the floor: {@code GET /ping} at a fixed rate, and the CPU time per request
 * of this process (the load generator) and of the service (NaN when it is not ours to read).
 */
public record FloorStep(StepResult step, double generatorMicros, double serviceMicros) {
}
