package io.readstate.app.console;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.readstate.adapters.redis.RedisChangeTracker;
import io.readstate.adapters.redis.RedisRecovery;
import io.readstate.app.Mode;
import io.readstate.app.writebehind.Flusher;
import io.readstate.console.ActionResult;
import io.readstate.console.ConsoleBackend;
import io.readstate.console.ConsoleSnapshot;
import io.readstate.console.Health;
import io.readstate.console.Lookup;
import io.readstate.console.StoreReading;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.LoadReadState;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.usecase.FlushReport;
import io.readstate.domain.usecase.RehydrateChannels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the console shows and does, taken from the running service. */
public final class ServiceConsoleBackend implements ConsoleBackend {

    private static final List<String> CHECKS = List.of("redis", "postgres", "sync-lag");

    private final Mode mode;
    private final Supplier<SyncStatus> sync;
    private final Supplier<RedisRecovery.Loss> loss;
    private final Optional<Flusher> flusher;
    private final Optional<RedisChangeTracker> tracker;
    private final Optional<RehydrateChannels> rehydrate;
    private final LoadReadState redis;
    private final Optional<LoadReadState> postgres;
    private final HealthCheckRegistry checks;
    private final EventRates events;

    public ServiceConsoleBackend(Mode mode, Supplier<SyncStatus> sync, Supplier<RedisRecovery.Loss> loss,
                                 Optional<Flusher> flusher,
                                 Optional<RedisChangeTracker> tracker, Optional<RehydrateChannels> rehydrate,
                                 LoadReadState redis, Optional<LoadReadState> postgres, HealthCheckRegistry checks,
                                 MetricRegistry metrics) {
        this.mode = mode;
        this.sync = sync;
        this.loss = loss;
        this.flusher = flusher;
        this.tracker = tracker;
        this.rehydrate = rehydrate;
        this.redis = redis;
        this.postgres = postgres;
        this.checks = checks;
        this.events = new EventRates(metrics);
    }

    @Override
    public ConsoleSnapshot snapshot() {
        Instant now = Instant.now();
        String problem = null;
        SyncStatus status;
        try {
            status = sync.get();
        } catch (StoreUnavailable e) {
            status = new SyncStatus(0, 0, Duration.ZERO, null, 0, 0);
            problem = "Redis cannot be reached, so backlog and lag are unknown: " + e.getMessage();
        }
        Flusher.FlushOutcome last = flusher.map(Flusher::lastOutcome).orElse(null);
        boolean recovering = false;
        try {
            recovering = loss.get().recovering();
        } catch (StoreUnavailable e) {
            problem = problem == null ? "Redis cannot be reached: " + e.getMessage() : problem;
        }
        Long checkpointAge = status.lastFlushAt() == null ? null : Duration.between(status.lastFlushAt(), now).toMillis();
        return new ConsoleSnapshot(now, mode.toString(), status.backlog(), status.dirtyChannels(),
                status.lag().toMillis(), status.lastFlushAt(), status.lastFlushRows(),
                last == null ? 0 : last.report().took().toMillis(), last == null ? null : last.error(),
                status.flushedRowsTotal(), events.flushesPerMinute(), events.rowsPerFlush(),
                events.coalescingRatio(), recovering, checkpointAge, health(), events.perSecondByType(), problem);
    }

    @Override
    public ActionResult flushNow() {
        if (flusher.isEmpty()) {
            return ActionResult.succeeded("Nothing to flush: mode " + mode + " keeps no write-behind backlog");
        }
        try {
            FlushReport report = flusher.get().flushNow(Duration.ofMinutes(5));
            return ActionResult.succeeded(String.format("Wrote %d rows for %d dirty entries in %d channels in %d ms",
                    report.rowsWritten(), report.entries(), report.channels(), report.took().toMillis()));
        } catch (StoreUnavailable e) {
            return ActionResult.failed("Flush failed: " + e.getMessage());
        }
    }

    @Override
    public ActionResult rehydrate(ChannelId channel) {
        if (rehydrate.isEmpty()) {
            return ActionResult.failed("Mode " + mode + " keeps nothing in PostgreSQL to rebuild from");
        }
        try {
            flusher.ifPresent(f -> f.flushNow(Duration.ofMinutes(5)));
            return switch (rehydrate.get().rehydrate(channel)) {
                case RESTORED -> ActionResult.succeeded("Channel " + channel + " rebuilt in Redis from PostgreSQL");
                case UNKNOWN -> ActionResult.failed("PostgreSQL has no channel " + channel);
                case HAS_UNWRITTEN_CHANGES -> ActionResult.failed(
                        "Channel " + channel + " changed again before it could be rebuilt; try again");
            };
        } catch (StoreUnavailable e) {
            return ActionResult.failed("Rehydration failed: " + e.getMessage());
        }
    }

    @Override
    public Lookup lookup(ChannelId channel, Optional<UserId> user) {
        boolean pending;
        try {
            pending = tracker.map(t -> t.isPending(channel)).orElse(false);
        } catch (StoreUnavailable e) {
            pending = false;
        }
        StoreReading durable = postgres.map(store -> read(store, channel, user))
                .orElse(StoreReading.unreachable("mode " + mode + " keeps nothing in PostgreSQL"));
        return new Lookup(channel, user, read(redis, channel, user), durable, pending);
    }

    private static StoreReading read(LoadReadState store, ChannelId channel, Optional<UserId> user) {
        try {
            return StoreReading.found(store.channel(channel), user.flatMap(u -> store.member(channel, u)));
        } catch (StoreUnavailable e) {
            return StoreReading.unreachable(e.getMessage());
        }
    }

    private List<Health> health() {
        List<Health> results = new ArrayList<>();
        for (String name : CHECKS) {
            HealthCheck.Result result = checks.runHealthCheck(name);
            String message = result.getMessage() == null ? (result.isHealthy() ? "healthy" : "unhealthy") : result.getMessage();
            results.add(result.isHealthy() ? Health.up(name, message) : Health.down(name, message));
        }
        return results;
    }
}
