package io.readstate.bench.run;

import io.readstate.bench.infra.Database;
import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.measure.Heads;
import io.readstate.bench.measure.KillTest;
import io.readstate.bench.measure.Loss;
import io.readstate.bench.measure.Memory;
import io.readstate.bench.measure.RebuildTest;
import io.readstate.bench.measure.Rebuild;
import io.readstate.bench.measure.ServiceMemory;
import io.readstate.bench.measure.WriteBehindDrain;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * One Readstate mode, served by its own service process: memory, then one request per
 * event, then /v1/events, then a hard Redis kill under load (with the rebuild it
 * causes), each where the profile asks for it.
 */
public final class ModeBench {

    /**
     * Events per /v1/events request: what a chat service's gateway gathers in a few
     * milliseconds. A request's latency grows with its events (100 took about 10 ms even
     * unloaded), and the table's rates are those held with p99 under 10 ms.
     */
    public static final int BATCH = 25;

    /**
     * Events per /v1/events request for write-behind's capacity through it: what a gateway
     * sending tens of thousands of events a second gathers in 5 to 10 ms, a quarter of the
     * API's limit. A request carries the HTTP, JSON and script-call costs once for ten times the
     * events of {@link #BATCH}, and takes longer.
     */
    public static final int LARGE_BATCH = 250;

    private final Harness harness;

    public ModeBench(Harness harness) {
        this.harness = harness;
    }

    public SystemFigures run(ServiceProcess service, RedisServer redis, Optional<Database> database,
                             Population population) throws Exception {
        String mode = service.mode();
        boolean writeBehind = mode.equals("write-behind");
        boolean everything = writeBehind || harness.profile().everyMode();
        Heads.Before before = Heads.before(population, List.of(service.api()));
        Workload chat = new Workload(population, Mix.CHAT, 1);
        harness.progress().say("%s: joining %,d channels with %,d memberships, posting %,d messages (Redis memory)",
                mode, population.channels().size(), population.memberships(), harness.profile().memoryMessages());
        Memory memory = ServiceMemory.measure(service, redis, population, chat, harness.profile().memoryMessages());
        harness.progress().say("%s: %.0f bytes per membership, %.0f bytes per message", mode, memory.bytesPerMember(),
                memory.bytesPerMessage());
        Harness.DbProbe db = database.<Harness.DbProbe>map(d -> d::counters).orElse(Harness.DbProbe.NONE);
        Optional<Workload> events = everything ? Optional.of(chat.withMix(Mix.CHAT_EVENTS, 2)) : Optional.empty();
        harness.warmUp(mode, service.api(), chat, events, Optional.of(service.admin()::compilationMillis));
        WriteBehindDrain.drain(service);
        boolean through = mode.equals("write-through");
        TransportFigures single = harness.measure(mode + ", one request per event", chat, 1, through ? 100 : 500,
                service.api(), db);
        Optional<TransportFigures> batch = Optional.empty();
        if (events.isPresent()) {
            batch = Optional.of(harness.measure(mode + ", /v1/events x" + BATCH, events.get(), BATCH,
                    through ? 500 : 5_000, service.api(), db));
        }
        harness.requireNewMessages(mode, before);
        Optional<Loss> loss = Optional.empty();
        if (everything) {
            double rate = Math.max(20, single.search().capacity() / 2);
            Population killed = Population.uniform("kill", 50, 10, harness.profile().users(), 5);
            loss = Optional.of(new KillTest(harness.loop(), harness.progress()).run(service, redis, killed, rate,
                    harness.profile().killLoad(), database.isPresent(),
                    () -> database.map(d -> d.count(RebuildTest.MEMBERSHIPS)).orElse(-1L)));
        }
        loss.ifPresent(l -> harness.checks().require(!mode.equals("write-through") || l.lost() == 0,
                "write-through lost " + l.lost() + " acknowledged events when Redis was killed"));
        Optional<Rebuild> rebuild = loss.filter(l -> l.rebuildMillis() >= 0)
                .map(l -> new Rebuild(l.rebuildMillis(), l.memberships()));
        return new SystemFigures(mode, label(mode), single, batch, Optional.of(memory), loss, rebuild);
    }

    static String label(String mode) {
        return switch (mode) {
            case "write-through" -> "Pattern A: write-through";
            case "cache-only" -> "Pattern B: cache-only";
            case "write-behind" -> "Pattern C: write-behind";
            default -> mode;
        };
    }
}
