package io.readstate.bench.run;

import io.readstate.bench.load.RateSearch;
import io.readstate.bench.load.StepResult;

/** The highest rates a system sustained, and the run at half the rate held with p99 under 10 ms (its latency). */
public record Sustained(RateSearch.Outcome search, StepResult halfRate) {
}
