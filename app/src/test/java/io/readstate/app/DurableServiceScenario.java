package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.adapters.redis.TestRedis;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.redisson.api.RedissonClient;

/**
 * What a durable mode must survive: random traffic over HTTP, then Redis wiped and
 * rebuilt from PostgreSQL through the rehydrate task; every answer equals the rules'
 * answer before and after.
 */
abstract class DurableServiceScenario {

    static final int WINDOW = 5;
    static final String TOKEN = "durable-test-token";
    static final String ADMIN_PASSWORD = "not-a-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    abstract DropwizardAppExtension<ReadstateConfiguration> app();

    abstract String keyPrefix();

    /** The reference: the same resources over the rules in memory, clock at the epoch. */
    abstract InMemoryApi rules();

    ApiClient service() {
        ApiClient.allowingRequestsWithoutBody(app().client());
        return new ApiClient(path -> app().client().target("http://127.0.0.1:" + app().getLocalPort()).path(path), TOKEN);
    }

    /** Sends random traffic to the service and the rules alike, checking every answer; returns the pair. */
    SideBySide traffic(long seed, int steps) {
        rules().reset();
        SideBySide both = new SideBySide(service(), rules().client(), seed, new RandomEvents(seed, 3, 5));
        for (int step = 0; step < steps; step++) {
            both.step("seed " + seed + " step " + step);
        }
        return both;
    }

    void wipeRedis() {
        RedissonClient redisson = TestRedis.newClient();
        redisson.getKeys().deleteByPattern(keyPrefix() + "*");
        redisson.shutdown();
    }

    Response admin(String method, String path, boolean withCredentials) {
        var request = app().client().target("http://127.0.0.1:" + app().getAdminPort()).path(path).request();
        if (withCredentials) {
            request = request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return "GET".equals(method) ? request.get() : request.post(Entity.text(""));
    }

    JsonNode adminJson(String method, String path) {
        try (Response response = admin(method, path, true)) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as("%s %s: %s", method, path, body).isEqualTo(200);
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String adminText(String method, String path) {
        try (Response response = admin(method, path, true)) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as("%s %s: %s", method, path, body).isEqualTo(200);
            return body;
        }
    }
}
