package io.readstate.app.metrics;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.StoreUnavailable;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gauges of the write-behind sync: {@code readstate.sync.backlog} and
 * {@code readstate.sync.lag-millis} (read from Redis at most once a second; -1 when
 * Redis cannot be asked), and {@code readstate.flush.coalescing-ratio}, the events
 * recorded per row written since start.
 */
public final class SyncGauges {

    private SyncGauges() {
    }

    public static void register(MetricRegistry metrics, Supplier<SyncStatus> status) {
        CachedGauge<Optional<SyncStatus>> now = new CachedGauge<>(1, TimeUnit.SECONDS) {
            @Override
            protected Optional<SyncStatus> loadValue() {
                try {
                    return Optional.of(status.get());
                } catch (StoreUnavailable e) {
                    return Optional.empty();
                }
            }
        };
        metrics.register("readstate.sync.backlog", (Gauge<Long>) () -> now.getValue().map(SyncStatus::backlog).orElse(-1L));
        metrics.register("readstate.sync.lag-millis",
                (Gauge<Long>) () -> now.getValue().map(s -> s.lag().toMillis()).orElse(-1L));
        metrics.register("readstate.flush.coalescing-ratio", (Gauge<Double>) () -> {
            long rows = metrics.meter("readstate.flush.rows-written").getCount();
            return rows == 0 ? Double.NaN : (double) metrics.meter("readstate.events").getCount() / rows;
        });
    }
}
