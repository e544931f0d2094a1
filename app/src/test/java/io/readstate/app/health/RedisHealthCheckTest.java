package io.readstate.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.util.Duration;
import io.readstate.adapters.redis.TestRedis;
import io.readstate.app.redis.RedisFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The check against a Redis of the test's own, which the test can stop. */
class RedisHealthCheckTest {

    private final Environment environment = new Environment("test");
    private RedisServer redis;
    private RedisHealthCheck check;

    @BeforeEach
    void connect() throws Exception {
        int port = TestRedis.freePort();
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        RedisFactory factory = new RedisFactory();
        factory.setUrl("redis://127.0.0.1:" + port);
        factory.setTimeout(Duration.milliseconds(500));
        check = new RedisHealthCheck(factory.build(environment), factory.getTimeout());
    }

    @AfterEach
    void stop() throws Exception {
        for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
            ((JettyManaged) managed).getManaged().stop();
        }
        if (redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void redis_that_answers_ping_is_healthy() {
        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
    }

    @Test
    void redis_that_does_not_answer_is_unhealthy_within_the_timeout() throws Exception {
        redis.stop();

        long started = System.nanoTime();
        HealthCheck.Result result = check.execute();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("Redis");
        assertThat(tookMillis).isLessThan(3_000);
    }
}
