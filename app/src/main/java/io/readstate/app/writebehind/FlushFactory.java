package io.readstate.app.writebehind;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.readstate.domain.usecase.FlushChanges;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The write-behind flusher's settings: how often it runs ({@code FLUSH_INTERVAL}), how
 * many channels and about how many dirty entries one transaction covers, how long a claim
 * lasts before another flusher may take it over, the longest wait between failed tries, how
 * long a clean shutdown may spend draining, and the sync lag above which the
 * {@code sync-lag} health check fails.
 */
public class FlushFactory {

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration interval = Duration.seconds(1);
    @Min(1)
    @Max(100_000)
    private int channelsPerBatch = 2_000;
    @Min(1_000)
    @Max(10_000_000)
    private long entriesPerBatch = 50_000;
    @NotNull
    private Duration lease = Duration.seconds(30);
    @NotNull
    private Duration maxBackoff = Duration.seconds(30);
    @NotNull
    private Duration drainBudget = Duration.seconds(20);
    @NotNull
    private Duration syncLagLimit = Duration.seconds(30);

    @JsonProperty
    public Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    @JsonProperty
    public int getChannelsPerBatch() {
        return channelsPerBatch;
    }

    @JsonProperty
    public void setChannelsPerBatch(int channelsPerBatch) {
        this.channelsPerBatch = channelsPerBatch;
    }

    @JsonProperty
    public long getEntriesPerBatch() {
        return entriesPerBatch;
    }

    @JsonProperty
    public void setEntriesPerBatch(long entriesPerBatch) {
        this.entriesPerBatch = entriesPerBatch;
    }

    @JsonProperty
    public Duration getLease() {
        return lease;
    }

    @JsonProperty
    public void setLease(Duration lease) {
        this.lease = lease;
    }

    @JsonProperty
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    @JsonProperty
    public void setDrainBudget(Duration drainBudget) {
        this.drainBudget = drainBudget;
    }

    @JsonProperty
    public Duration getSyncLagLimit() {
        return syncLagLimit;
    }

    @JsonProperty
    public void setSyncLagLimit(Duration syncLagLimit) {
        this.syncLagLimit = syncLagLimit;
    }

    /**
     * The flusher on its own single-thread scheduler, registered to start and stop with the
     * service; while it waits after a failure it asks the health checks {@code redis} and
     * {@code postgres} whether the stores answer again.
     */
    public Flusher build(FlushChanges flush, Environment environment) {
        ScheduledExecutorService scheduler = environment.lifecycle().scheduledExecutorService("write-behind-flusher")
                .threads(1).build();
        MetricRegistry metrics = environment.metrics();
        HealthCheckRegistry checks = environment.healthChecks();
        Flusher flusher = new Flusher(flush, scheduler, interval.toJavaDuration(), maxBackoff.toJavaDuration(),
                drainBudget.toJavaDuration(), () -> healthy(checks, "redis") && healthy(checks, "postgres"), metrics);
        environment.lifecycle().manage(flusher);
        return flusher;
    }

    private static boolean healthy(HealthCheckRegistry checks, String name) {
        return checks.runHealthCheck(name).isHealthy();
    }
}
