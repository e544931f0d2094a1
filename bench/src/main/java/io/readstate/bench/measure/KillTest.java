package io.readstate.bench.measure;

import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.load.OpenLoop;
import io.readstate.bench.load.Progress;
import io.readstate.bench.load.StepResult;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Kills the service's Redis with SIGKILL while messages and reads arrive at a fixed rate,
 * restarts it empty, waits for the service to rebuild from PostgreSQL, then reads back
 * the channels and members of the load and counts the acknowledged events that left no
 * trace. A channel's head must reach every acknowledged message; a member's read
 * position every acknowledged read.
 */
public final class KillTest {

    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(10);

    private final OpenLoop loop;
    private final Progress progress;

    public KillTest(OpenLoop loop, Progress progress) {
        this.loop = loop;
        this.progress = progress;
    }

    /**
     * @param durable     whether the service keeps a copy in PostgreSQL (and so reports and rebuilds)
     * @param memberships counts the memberships PostgreSQL holds, for the rebuild figure
     */
    public Loss run(ServiceProcess service, RedisServer redis, Population population, double rate, Duration load,
                    boolean durable, LongSupplier memberships) throws InterruptedException {
        service.api().join(population);
        if (service.mode().equals("write-behind")) {
            service.admin().flush();
        }
        Workload workload = new Workload(population, Mix.CHAT_EVENTS, 7);
        AckLog acks = new AckLog(service.api());
        Instant[] killedAt = new Instant[1];
        long pid = redis.pid();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        killer.schedule(() -> {
            killedAt[0] = Instant.now();
            redis.killHard();
            return null;
        }, load.toMillis() - 100, TimeUnit.MILLISECONDS);
        StepResult result = loop.run(service.mode() + " under a Redis kill", () -> List.of(workload.next()), 1, rate,
                load, acks);
        killer.shutdown();
        killer.awaitTermination(20, TimeUnit.SECONDS);
        progress.say("  kill -9 of redis-server (pid %d) at %s, under %,.0f events/s; %,d events acknowledged, %,d "
                + "refused while it was down", pid, killedAt[0], rate, result.events(), result.errors());
        redis.restartEmpty();
        long members = durable ? memberships.getAsLong() : -1;
        Recovery.Observed observed = durable ? Recovery.await(service.admin(), killedAt[0], REBUILD_LIMIT) : null;
        if (!durable) {
            Thread.sleep(1_500);
        }
        List<AckLog.Ack> applied = acks.applied();
        long lost = new Readback(service.api(), population).lost(applied);
        long checkpoint = observed == null || observed.checkpointAt() == null ? Long.MIN_VALUE
                : observed.checkpointAt().toEpochMilli();
        long lostAfter = observed == null || observed.lostAfter() == null ? checkpoint
                : observed.lostAfter().toEpochMilli();
        long sentAfter = applied.stream().filter(ack -> ack.sentMillis() > lostAfter).count();
        long ackedAfter = applied.stream().filter(ack -> ack.ackMillis() > checkpoint).count();
        Loss loss = new Loss(rate, applied.size(), lost, sentAfter, ackedAfter,
                observed == null ? -1 : observed.checkpointAgeMillis(), observed == null ? -1 : observed.rebuildMillis(),
                members);
        progress.say("  %,d of %,d acknowledged events lost (%.0f ms of load); the service's report: checkpoint %d ms "
                + "old, %,d to %,d events after it; rebuilt in %d ms", lost, applied.size(), loss.lostMillisOfLoad(),
                loss.checkpointAgeMillis(), sentAfter, ackedAfter, loss.rebuildMillis());
        return loss;
    }
}
