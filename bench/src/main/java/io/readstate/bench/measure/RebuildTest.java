package io.readstate.bench.measure;

import io.readstate.bench.infra.Database;
import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.load.Progress;
import io.readstate.bench.workload.Population;
import java.time.Duration;
import java.time.Instant;

/**
 * Times a rebuild of Redis from PostgreSQL at a given size: joins long-tailed channels
 * until PostgreSQL holds the memberships asked for, writes the backlog, kills Redis,
 * restarts it empty, and waits until the service's background rebuild has finished.
 */
public final class RebuildTest {

    public static final String MEMBERSHIPS = "SELECT count(*) FROM members WHERE present";

    private final Progress progress;

    public RebuildTest(Progress progress) {
        this.progress = progress;
    }

    public Rebuild run(ServiceProcess service, RedisServer redis, Database database, long memberships, int users)
            throws InterruptedException {
        long have = database.count(MEMBERSHIPS);
        if (have < memberships) {
            Population extra = Population.withMemberships("rebuild", memberships - have, users, 11);
            progress.say("%s: joining %,d more memberships in %,d channels for the rebuild", service.mode(),
                    extra.memberships(), extra.channels().size());
            WriteBehindDrain.joinAndDrain(service, extra);
        }
        WriteBehindDrain.drain(service);
        long held = database.count(MEMBERSHIPS);
        progress.say("%s: PostgreSQL holds %,d memberships; kill -9 of Redis, restart empty, timing the rebuild",
                service.mode(), held);
        Instant killedAt = Instant.now();
        redis.killHard();
        redis.restartEmpty();
        Recovery.Observed observed = Recovery.await(service.admin(), killedAt, Duration.ofMinutes(15));
        progress.say("%s: rebuilt %,d memberships in %,d ms", service.mode(), held, observed.rebuildMillis());
        return new Rebuild(observed.rebuildMillis(), held);
    }
}
