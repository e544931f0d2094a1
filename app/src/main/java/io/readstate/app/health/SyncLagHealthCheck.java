package io.readstate.app.health;

import com.codahale.metrics.health.HealthCheck;
import io.readstate.domain.model.durable.SyncStatus;
import java.time.Duration;
import java.util.function.Supplier;

/** Unhealthy when the oldest change not yet in PostgreSQL is older than the configured limit. */
public final class SyncLagHealthCheck extends HealthCheck {

    private final Supplier<SyncStatus> status;
    private final Duration limit;

    public SyncLagHealthCheck(Supplier<SyncStatus> status, Duration limit) {
        this.status = status;
        this.limit = limit;
    }

    @Override
    protected Result check() {
        SyncStatus now = status.get();
        String figures = String.format("sync lag %d ms (limit %d ms), backlog %d entries in %d channels",
                now.lag().toMillis(), limit.toMillis(), now.backlog(), now.dirtyChannels());
        return now.lag().compareTo(limit) > 0 ? Result.unhealthy(figures) : Result.healthy(figures);
    }
}
