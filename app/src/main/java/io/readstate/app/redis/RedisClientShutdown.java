package io.readstate.app.redis;

import io.dropwizard.lifecycle.Managed;
import org.redisson.api.RedissonClient;

/** Closes the Redis client when the service stops. */
final class RedisClientShutdown implements Managed {

    private final RedissonClient client;

    RedisClientShutdown(RedissonClient client) {
        this.client = client;
    }

    @Override
    public void stop() {
        client.shutdown();
    }
}
