package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.readstate.adapters.redis.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

/** When Redis stops answering, the service says so quickly (503, unhealthy) and serves again once it is back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RedisOutageTest {

    private static final String TOKEN = "outage-test-token";
    private static final int PORT = freePort();
    private static RedisServer redis = startedRedis();

    private static final DropwizardAppExtension<ReadstateConfiguration> APP = new DropwizardAppExtension<>(
            ReadstateApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("redis.url", "redis://127.0.0.1:" + PORT),
            ConfigOverride.config("redis.timeout", "1s"),
            ConfigOverride.config("auth.apiTokens", TOKEN),
            ConfigOverride.config("auth.adminPassword", "not-a-secret"));

    @AfterAll
    static void stopRedis() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void a_redis_outage_is_a_quick_503_and_an_unhealthy_check_until_redis_is_back() throws Exception {
        ApiClient.allowingRequestsWithoutBody(APP.client());
        ApiClient api = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getLocalPort()).path(path),
                TOKEN);
        ApiClient admin = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getAdminPort()).path(path),
                null);
        assertThat(api.put("/v1/channels/outage/members/alice").status()).isEqualTo(201);

        redis.stop();
        long started = System.nanoTime();
        Answer duringOutage = api.post("/v1/channels/outage/messages", "{\"seq\": 1, \"senderId\": \"bob\"}");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Answer health = admin.get("/healthcheck");

        assertThat(duringOutage.status()).isEqualTo(503);
        assertThat(duringOutage.code()).isEqualTo("unavailable");
        assertThat(tookMillis).isLessThan(3_000);
        assertThat(health.status()).isEqualTo(500);
        assertThat(health.get("redis").path("healthy").asBoolean()).isFalse();

        redis = startedRedis();
        Answer afterwards = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            afterwards = api.put("/v1/channels/outage/members/alice");
            if (afterwards.status() != 503) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(afterwards.status()).as("a restarted Redis keeps nothing: alice joins afresh").isEqualTo(201);
    }

    private static RedisServer startedRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer().port(PORT).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try {
            return TestRedis.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
