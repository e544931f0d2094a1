package io.readstate.bench.run;

import io.readstate.bench.load.RateSearch;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.measure.DbLoad;

/**
 * One way of sending load to one system: its highest sustained rates, the run at half
 * the rate held with p99 under 10 ms (latency), and the run at half the rate held with
 * p99 under 100 ms (PostgreSQL's work, at a load where write-behind has something to coalesce).
 */
public record TransportFigures(RateSearch.Outcome search, StepResult halfRate, StepResult dbRun, DbLoad db) {
}
