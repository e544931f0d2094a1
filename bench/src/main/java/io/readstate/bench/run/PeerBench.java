package io.readstate.bench.run;

import io.readstate.bench.infra.Database;
import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.measure.Memory;
import io.readstate.bench.measure.Rebuild;
import io.readstate.bench.peer.CounterFlusher;
import io.readstate.bench.peer.CounterRestore;
import io.readstate.bench.peer.PeerRedis;
import io.readstate.bench.peer.PerMemberCounters;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * The per-member counters peer, driven in this process against a private Redis with the
 * same workload as the service: memory, one call per event, a rebuild from PostgreSQL,
 * and throughput against channel size.
 */
public final class PeerBench {

    private static final int BATCH = 100;

    private final Harness harness;

    public PeerBench(Harness harness) {
        this.harness = harness;
    }

    /** The figures, and the sweep points. */
    public record Result(SystemFigures figures, List<SweepPoint> sweep) {
    }

    public Result run(RedisServer redis, Database database, Population population) throws Exception {
        RedissonClient redisson = PeerRedis.connect(redis.url());
        try (CounterFlusher flusher = new CounterFlusher(redisson, database.connect(), Duration.ofSeconds(1))) {
            PerMemberCounters counters = new PerMemberCounters(redisson, population);
            Workload chat = new Workload(population, Mix.CHAT, 1);
            Memory memory = memory(redis, counters, flusher, chat);
            harness.warmUp("per-member counters", counters, chat, Optional.empty(),
                    Optional.of(ManagementFactory.getCompilationMXBean()::getTotalCompilationTime));
            TransportFigures single = harness.measure("per-member counters, in-process", chat, 1, 500, counters,
                    database::counters);
            Rebuild rebuild = rebuild(redis, database, redisson, flusher);
            List<SweepPoint> sweep = new SizeSweep(harness).sweep("per-member counters", 1, 500, true, sizePopulation -> {
                PerMemberCounters sized = new PerMemberCounters(redisson, sizePopulation);
                sized.join();
                flusher.flushNow();
                return sized;
            });
            checkFlusher(flusher);
            SystemFigures figures = new SystemFigures("per-member", "Per-member counters (seed, literal; in-process)",
                    single, Optional.empty(), Optional.of(memory), Optional.empty(), Optional.of(rebuild));
            return new Result(figures, sweep);
        } finally {
            redisson.shutdown();
        }
    }

    private Memory memory(RedisServer redis, PerMemberCounters counters, CounterFlusher flusher, Workload chat) {
        long empty = redis.usedMemory();
        counters.join();
        flusher.flushNow();
        long joined = redis.usedMemory();
        Workload posts = chat.withMix(Mix.MESSAGES, 3);
        int messages = harness.profile().memoryMessages() / BATCH * BATCH;
        for (int i = 0; i < messages / BATCH; i++) {
            counters.send(posts.next(BATCH)).join();
        }
        flusher.flushNow();
        long posted = redis.usedMemory();
        Population population = chat.population();
        harness.progress().say("per-member counters: %,d memberships", population.memberships());
        return new Memory((joined - empty) / (double) population.memberships(), (posted - joined) / (double) messages);
    }

    private Rebuild rebuild(RedisServer redis, Database database, RedissonClient redisson, CounterFlusher flusher)
            throws Exception {
        flusher.flushNow();
        redis.flushAll();
        long start = System.nanoTime();
        long restored;
        try (Connection connection = database.connect()) {
            restored = CounterRestore.restore(connection, redisson);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        harness.progress().say("per-member counters: rebuilt %,d memberships from PostgreSQL in %,d ms", restored, millis);
        return new Rebuild(millis, restored);
    }

    private void checkFlusher(CounterFlusher flusher) {
        harness.checks().require(flusher.lastError() == null, "the peer's flusher failed: " + flusher.lastError());
    }
}
