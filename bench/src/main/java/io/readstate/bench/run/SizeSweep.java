package io.readstate.bench.run;

import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.load.RateSearch;
import io.readstate.bench.load.Target;
import io.readstate.bench.measure.WriteBehindDrain;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput against channel size: for each size, channels of exactly that many
 * members receive messages only (10% with mentions, 1% mentioning everyone), and the
 * rate search finds the highest message rate with p99 under 10 ms. Each size's search
 * follows a warm-up of its own messages ({@link io.readstate.bench.Profile#sweepWarmup}): its first
 * step otherwise carried what follows joining its channels (200,000 memberships at
 * 10,000 members), failed narrowly, and capped the search at its start.
 */
public final class SizeSweep {

    /** Joins a population to the system under test and answers the target that sends its messages. */
    public interface System {
        Target prepare(Population population) throws Exception;
    }

    private final Harness harness;

    public SizeSweep(Harness harness) {
        this.harness = harness;
    }

    /** Write-behind through /v1/events, {@link ModeBench#BATCH} messages per request. */
    public List<SweepPoint> writeBehind(ServiceProcess service) throws Exception {
        return sweep("write-behind", ModeBench.BATCH, 2_000, false, population -> {
            WriteBehindDrain.joinAndDrain(service, population);
            return service.api();
        });
    }

    /**
     * @param costGrowsWithSize whether a message is expected to cost in proportion to the channel's size: the search
     *                          for the next size then starts that much lower
     */
    public List<SweepPoint> sweep(String name, int perRequest, double firstStart, boolean costGrowsWithSize, System system)
            throws Exception {
        List<SweepPoint> points = new ArrayList<>();
        double start = firstStart;
        int previous = 0;
        for (int size : harness.profile().sweepSizes()) {
            if (previous > 0 && costGrowsWithSize) {
                start = Math.max(10, start * 2 * previous / size);
            }
            previous = size;
            int channels = (int) Math.max(harness.profile().sweepMinChannels(),
                    Math.min(50, harness.profile().sweepMemberships() / size));
            Population population = Population.uniform("size" + size, channels, size, harness.profile().users(), size);
            Target target = system.prepare(population);
            String label = String.format("%s, %,d channels of %,d members, messages", name, channels, size);
            Workload messages = new Workload(population, Mix.MESSAGES, size);
            harness.warmUp(label, messages, perRequest, target, harness.profile().sweepWarmup());
            harness.progress().say("%s: searching", label);
            RateSearch.Outcome outcome = harness.search(label, messages, perRequest, start, target);
            points.add(new SweepPoint(name, size, channels, outcome.maxSustained(), outcome.capacity(),
                    outcome.firstFailed(), outcome.capacityFailed()));
            harness.progress().say("%s: %,.0f messages/s with p99 < 10 ms, %,.0f with p99 < 100 ms", label,
                    outcome.maxSustained(), outcome.capacity());
            start = (outcome.capacity() > 0 ? outcome.capacity() : outcome.capacityFailed()) / 4;
        }
        return points;
    }
}
