package io.readstate.bench.run;

import io.readstate.bench.Profile;
import io.readstate.bench.infra.Postgres;
import io.readstate.bench.load.OpenLoop;
import io.readstate.bench.load.Progress;
import io.readstate.bench.load.RateSearch;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.load.Target;
import io.readstate.bench.load.WarmUp;
import io.readstate.bench.measure.DbLoad;
import io.readstate.bench.measure.Heads;
import io.readstate.bench.workload.Event;
import io.readstate.bench.workload.Workload;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The measurements every system goes through, on the same terms: a warm-up, the rate
 * search, and a run at half the rate found whose window gives the latency and
 * PostgreSQL's work per 1,000 events.
 */
public final class Harness {

    /** PostgreSQL's counters for the system's database, or none when it uses none. */
    public interface DbProbe {
        DbProbe NONE = () -> new Postgres.Counters(0, 0);

        Postgres.Counters read() throws SQLException;
    }

    /** What a request to {@code /ping} carries: nothing (the list only counts one request). */
    private static final List<Event> PING = List.of(new Event.UnreadQuery("nobody"));

    /** The share of a warm-up round the JIT may spend compiling for the service to count as warm. */
    public static final double JIT_SETTLED = 0.05;

    private final Profile profile;
    private final Progress progress;
    private final OpenLoop loop;
    private final RateSearch search;
    private final Checks checks;
    private final List<StepResult> steps = new ArrayList<>();

    public Harness(Profile profile, Progress progress, Checks checks) {
        this.profile = profile;
        this.progress = progress;
        this.loop = new OpenLoop(progress);
        this.search = new RateSearch(profile.bisections(), profile.maxSteps(), profile.cooldown(), progress);
        this.checks = checks;
    }

    /**
     * Unrecorded load before any measured step (see {@link WarmUp}): the profile's warm-up
     * time of one request per event, then half that of /v1/events when the system is also
     * measured that way. Then, when {@code jit} tells how long the system's JIT has compiled
     * (-1: it cannot tell), rounds of both go on until one in which the JIT compiled for
     * less than {@link #JIT_SETTLED} of the round, or for the profile's {@code jitRounds}:
     * a service that has just started compiles its request path for a minute or two on two
     * cores (over 100 s of compiler CPU in all), and a step measured meanwhile measures the
     * compiler as much as the service.
     */
    public void warmUp(String label, Target target, Workload single, Optional<Workload> batch, Optional<LongSupplier> jit)
            throws InterruptedException {
        warmUp(label + ", one request per event", requests(single, 1), target, profile.warmup());
        if (batch.isPresent()) {
            warmUp(label + ", /v1/events x" + ModeBench.BATCH, requests(batch.get(), ModeBench.BATCH), target,
                    profile.warmup().dividedBy(2));
        }
        if (jit.isPresent()) {
            untilCompiled(label, target, single, batch, jit.get());
        }
    }

    private void untilCompiled(String label, Target target, Workload single, Optional<Workload> batch, LongSupplier jit)
            throws InterruptedException {
        Duration round = profile.warmup().dividedBy(4);
        for (int rounds = 1; rounds <= profile.jitRounds(); rounds++) {
            long start = System.nanoTime();
            long before = jit.getAsLong();
            WarmUp.run(requests(single, 1), target, round);
            if (batch.isPresent()) {
                WarmUp.run(requests(batch.get(), ModeBench.BATCH), target, round.dividedBy(2));
            }
            long after = jit.getAsLong();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (before < 0 || after < 0) {
                progress.say("%s: the JIT's compile time cannot be read; measuring after the fixed warm-up", label);
                return;
            }
            long compiled = after - before;
            if (compiled < JIT_SETTLED * seconds * 1000) {
                progress.say("%s: the JIT has settled (compiled %,d ms in the last %.1f s; %,d ms since start, %d extra "
                        + "round(s) of warm-up)", label, compiled, seconds, after, rounds);
                return;
            }
            progress.say("%s: the JIT compiled %,d ms in the last %.1f s (%,d ms since start): warming on", label,
                    compiled, seconds, after);
        }
        progress.say("%s: measuring with the JIT still compiling, after %d extra rounds of warm-up", label,
                profile.jitRounds());
    }

    /** Unrecorded load of {@code workload}, {@code perRequest} events per request, for {@code duration}. */
    public void warmUp(String label, Workload workload, int perRequest, Target target, Duration duration)
            throws InterruptedException {
        warmUp(label, requests(workload, perRequest), target, duration);
    }

    private void warmUp(String label, Supplier<List<Event>> requests, Target target, Duration duration)
            throws InterruptedException {
        progress.say("%s: warming up for %.1f s (closed loop, %d in flight, not recorded)", label, duration.toMillis() / 1e3,
                WarmUp.IN_FLIGHT);
        progress.say("  warm-up: %s", WarmUp.run(requests, target, duration).describe());
    }

    /**
     * The floor under every figure: this generator against the service's {@code GET /ping}
     * at the profile's rates, after a warm-up, with the CPU time each side spent per request.
     * If the generator (which shares the CPUs) were the bottleneck, it would show here.
     *
     * @param service the service's process, for its CPU time, when it runs on this machine
     */
    public List<FloorStep> floor(Target ping, Optional<ProcessHandle> service) throws InterruptedException {
        Supplier<List<Event>> nothing = () -> PING;
        warmUp("the load generator against GET /ping", nothing, ping, profile.warmup().dividedBy(2));
        OperatingSystemMXBean self = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<FloorStep> floor = new ArrayList<>();
        for (int rate : profile.floorRates()) {
            long generatorBefore = self.getProcessCpuTime();
            long serviceBefore = cpuNanos(service);
            StepResult step = loop.run("GET /ping (the floor)", nothing, 1, rate, profile.step(), ping);
            double generator = (self.getProcessCpuTime() - generatorBefore) / 1e3 / step.events();
            double server = service.isPresent() ? (cpuNanos(service) - serviceBefore) / 1e3 / step.events() : Double.NaN;
            progress.say("  %s; CPU per request: %.0f µs here, %.0f µs in the service", step.describe(), generator, server);
            steps.add(step);
            floor.add(new FloorStep(step, generator, server));
            Thread.sleep(profile.cooldown().toMillis());
        }
        return floor;
    }

    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** The rate search; then a run at half the rate held under 10 ms (latency), and one at half the rate held under 100 ms (PostgreSQL). */
    public TransportFigures measure(String label, Workload workload, int perRequest, double startRate, Target target,
                                    DbProbe db) throws InterruptedException, SQLException {
        RateSearch.Outcome outcome = searchBoth(label, workload, perRequest, startRate, target);
        Supplier<List<Event>> requests = requests(workload, perRequest);
        double half = half(outcome);
        Window latency = window(label + " at half (latency)", requests, perRequest, half, target, db);
        double loaded = outcome.capacity() / 2;
        Window load = loaded > half * 1.5 ? window(label + " at half the p99 < 100 ms rate (PostgreSQL)", requests,
                perRequest, loaded, target, db) : latency;
        return new TransportFigures(outcome, latency.run(), load.run(), load.db());
    }

    /** The rate search; then a run at half the rate held under 10 ms, for the latency there (no PostgreSQL window). */
    public Sustained sustained(String label, Workload workload, int perRequest, double startRate, Target target)
            throws InterruptedException, SQLException {
        RateSearch.Outcome outcome = searchBoth(label, workload, perRequest, startRate, target);
        Window latency = window(label + " at half (latency)", requests(workload, perRequest), perRequest, half(outcome),
                target, DbProbe.NONE);
        return new Sustained(outcome, latency.run());
    }

    private RateSearch.Outcome searchBoth(String label, Workload workload, int perRequest, double startRate,
                                          Target target) throws InterruptedException {
        progress.say("%s: searching the highest rates with p99 under %.0f ms and under %.0f ms", label,
                RateSearch.P99_LIMIT_MILLIS, RateSearch.LOOSE_P99_LIMIT_MILLIS);
        RateSearch.Outcome outcome = search(label, workload, perRequest, startRate, target);
        progress.say("%s: %,.0f events/s held p99 < 10 ms, %,.0f held p99 < 100 ms", label, outcome.maxSustained(),
                outcome.capacity());
        return outcome;
    }

    /** Half the rate held under 10 ms; when none held, a quarter of the lowest that failed. */
    private static double half(RateSearch.Outcome outcome) {
        return outcome.maxSustained() > 0 ? outcome.maxSustained() / 2 : outcome.firstFailed() / 4;
    }

    private record Window(StepResult run, DbLoad db) {
    }

    /** A lead-in, then the window: its latencies, and PostgreSQL's counters around it. */
    private Window window(String label, Supplier<List<Event>> requests, int perRequest, double rate, Target target,
                          DbProbe db) throws InterruptedException, SQLException {
        loop.run(label + ", lead-in", requests, perRequest, rate, profile.halfRateLead(), target);
        Postgres.Counters before = db.read();
        StepResult run = loop.run(label, requests, perRequest, rate, profile.halfRateWindow(), target);
        Postgres.Counters used = db.read().minus(before);
        steps.add(run);
        progress.say("  %s", run.describe());
        checks.require(run.errors() == 0, label + ": errors: " + run.firstError());
        return new Window(run, new DbLoad(run.events(), used.rowsWritten(), used.commits()));
    }

    public RateSearch.Outcome search(String label, Workload workload, int perRequest, double startRate, Target target)
            throws InterruptedException {
        Supplier<List<Event>> requests = requests(workload, perRequest);
        Duration longest = profile.step().multipliedBy(profile.stepStretch());
        double lowest = profile.minRequestsPerStep() * perRequest / (longest.toMillis() / 1000.0);
        RateSearch.Outcome outcome = search.search(startRate, lowest,
                rate -> loop.run(label, requests, perRequest, rate, stepAt(rate / perRequest), target));
        steps.addAll(outcome.steps());
        return outcome;
    }

    /** A step long enough to carry the minimum of requests at this request rate (within the stretch allowed). */
    private Duration stepAt(double requestsPerSecond) {
        long needed = (long) Math.ceil(profile.minRequestsPerStep() / requestsPerSecond * 1000);
        long millis = Math.min(profile.step().toMillis() * profile.stepStretch(),
                Math.max(profile.step().toMillis(), needed));
        return Duration.ofMillis(millis);
    }

    private static Supplier<List<Event>> requests(Workload workload, int perRequest) {
        return perRequest == 1 ? () -> List.of(workload.next()) : () -> workload.next(perRequest);
    }

    /**
     * Requires that the messages of the phase begun at {@code before} were new ones: no channel
     * sent messages had a head above the seqs sent before it, nor ended above the last seq sent
     * (else messages measured had been sent before, and the service refused them: see {@link
     * Heads}). Heads below the last seq sent (a channel's last message failed) and the messages
     * refused (overtaken in flight) are counted in the output.
     */
    public void requireNewMessages(String label, Heads.Before before) {
        Heads.Comparison heads = Heads.after(before);
        progress.say("%s: heads of the %,d channels sent messages: %,d above the seqs sent before, %,d above the last "
                        + "seq sent, %,d below; %,d of %,d messages answered were refused as not new", label,
                heads.channels(), heads.aheadBefore().size(), heads.above().size(), heads.below().size(),
                heads.messages().refused(), heads.messages().answered());
        checks.require(heads.aheadBefore().isEmpty() && heads.above().isEmpty(), label + ": messages sent with seqs "
                + "their channels had passed (refused as not new): heads above the seqs sent before "
                + heads.aheadBefore().stream().limit(1).toList() + ", above the last seq sent "
                + heads.above().stream().limit(1).toList());
    }

    public Profile profile() {
        return profile;
    }

    public Progress progress() {
        return progress;
    }

    public OpenLoop loop() {
        return loop;
    }

    public Checks checks() {
        return checks;
    }

    public List<StepResult> steps() {
        return List.copyOf(steps);
    }
}
