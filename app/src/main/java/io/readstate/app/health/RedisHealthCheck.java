package io.readstate.app.health;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.util.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;

/** Healthy when Redis (every node of a cluster) answers PING within the configured timeout. */
public final class RedisHealthCheck extends HealthCheck {

    private final RedissonClient redisson;
    private final Duration timeout;

    public RedisHealthCheck(RedissonClient redisson, Duration timeout) {
        this.redisson = redisson;
        this.timeout = timeout;
    }

    @Override
    protected Result check() {
        try {
            boolean answered = redisson.getConfig().isClusterConfig()
                    ? redisson.getRedisNodes(RedisNodes.CLUSTER).pingAll(timeout.toMilliseconds(), TimeUnit.MILLISECONDS)
                    : redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMilliseconds(), TimeUnit.MILLISECONDS);
            if (answered) {
                return Result.healthy("Redis answered PING");
            }
            return Result.unhealthy("Redis did not answer PING within " + timeout);
        } catch (RedisException e) {
            return Result.unhealthy("Redis did not answer PING: " + e.getMessage());
        }
    }
}
