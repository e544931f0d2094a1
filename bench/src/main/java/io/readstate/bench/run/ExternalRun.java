package io.readstate.bench.run;

import io.readstate.bench.Profile;
import io.readstate.bench.infra.AdminClient;
import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.measure.Heads;
import io.readstate.bench.load.Progress;
import io.readstate.bench.report.Machine;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Measures a service that is already running (its Redis and PostgreSQL are not ours to
 * read or kill): throughput and latency, one request per event and through /v1/events.
 */
public final class ExternalRun {

    private ExternalRun() {
    }

    public static Results run(Profile profile, String url, String token, Optional<AdminClient> admin, Progress progress)
            throws Exception {
        long started = System.nanoTime();
        Machine machine = Machine.describe(Machine.STALL_PROBE);
        Checks checks = new Checks();
        Harness harness = new Harness(profile, progress, checks);
        ReadstateApi api = new ReadstateApi(url, token);
        String mode = admin.map(a -> a.status().path("mode").asText("unknown")).orElse("unknown");
        String tag = "ext" + Long.toString(System.currentTimeMillis(), 36);
        Population population = Population.longTailed(tag, profile.channels(), profile.users(), 42);
        progress.say("%s (mode %s): joining %,d memberships", url, mode, population.memberships());
        api.join(population);
        List<FloorStep> floor = admin.isPresent() ? harness.floor(admin.get().ping(), Optional.empty()) : List.of();
        Heads.Before before = Heads.before(population, List.of(api));
        Workload chat = new Workload(population, Mix.CHAT, 1);
        Workload events = chat.withMix(Mix.CHAT_EVENTS, 2);
        harness.warmUp(mode, api, chat, Optional.of(events), admin.map(a -> a::compilationMillis));
        TransportFigures single = harness.measure(mode + ", one request per event", chat, 1, 500, api,
                Harness.DbProbe.NONE);
        TransportFigures batch = harness.measure(mode + ", /v1/events x" + ModeBench.BATCH, events, ModeBench.BATCH,
                5_000, api, Harness.DbProbe.NONE);
        Optional<Sustained> largeBatches = Optional.empty();
        if (mode.equals("write-behind")) {  // the figure the report and the targets give for write-behind
            largeBatches = Optional.of(harness.sustained(mode + ", /v1/events x" + ModeBench.LARGE_BATCH, events,
                    ModeBench.LARGE_BATCH, 10_000, api));
        }
        harness.requireNewMessages(mode, before);
        SystemFigures figures = new SystemFigures(mode, ModeBench.label(mode) + " (at " + url + ")", single,
                Optional.of(batch), Optional.empty(), Optional.empty(), Optional.empty());
        return new Results(profile, machine.finished(), FullRun.describe(population), floor, List.of(figures), List.of(),
                Optional.empty(), Optional.empty(), harness.steps(), checks.problems(),
                Duration.ofNanos(System.nanoTime() - started), Duration.ofSeconds(1), largeBatches);
    }
}
