package io.readstate.app.writebehind;

import io.dropwizard.lifecycle.Managed;
import io.readstate.adapters.redis.RedisRecovery;
import io.readstate.domain.port.StoreUnavailable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for a Redis that lost its state, even when no request comes, and rebuilds
 * every channel from PostgreSQL in the background (requests rebuild the channels they
 * touch first, on their own).
 */
public final class RecoveryWorker implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryWorker.class);
    private static final long EVERY_MILLIS = 1_000;

    private final RedisRecovery recovery;
    private final ScheduledExecutorService scheduler;

    public RecoveryWorker(RedisRecovery recovery, ScheduledExecutorService scheduler) {
        this.recovery = recovery;
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::checkAndRebuild, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void checkAndRebuild() {
        try {
            recovery.beginEpochIfMissing();
            recovery.rebuildAll();
        } catch (StoreUnavailable e) {
            LOG.debug("Cannot check Redis for a loss now: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Rebuilding Redis from PostgreSQL failed; trying again in {} ms", EVERY_MILLIS, e);
        }
    }
}
