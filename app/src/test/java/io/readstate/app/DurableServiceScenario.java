package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.adapters.redis.TestRedis;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * What a durable mode must survive: random traffic over HTTP, then Redis wiped and
 * rebuilt from PostgreSQL through the rehydrate task; every answer equals the rules'
 * answer before and after.
 */
abstract class DurableServiceScenario {

    static final int WINDOW = 5;
    static final String TOKEN = "durable-test-token";
    static final String ADMIN_PASSWORD = "not-a-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Deletes the keys matching ARGV[1], all in one script (see {@link #wipeRedis}). */
    private static final String WIPE = """
            local keys = redis.call('KEYS', ARGV[1])
            for from = 1, #keys, 1000 do
                redis.call('DEL', unpack(keys, from, math.min(#keys, from + 999)))
            end
            return #keys""";

    /** The service in a durable mode on the test Redis (under {@code prefix}) and a test database. */
    static DropwizardAppExtension<ReadstateConfiguration> serviceIn(String mode, String prefix,
                                                                   TestPostgres.Database database,
                                                                   ConfigOverride... more) {
        return serviceIn("dw", mode, prefix, database, more);
    }

    /**
     * The same, with its overrides under a system property prefix of its own: a second
     * service in one test class must not share (and on stopping, restore) the first one's.
     */
    static DropwizardAppExtension<ReadstateConfiguration> serviceIn(String propertyPrefix, String mode, String prefix,
                                                                   TestPostgres.Database database,
                                                                   ConfigOverride... more) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config(propertyPrefix, "mode", mode),
                ConfigOverride.config(propertyPrefix, "redis.url", TestRedis.url()),
                ConfigOverride.config(propertyPrefix, "redis.keyPrefix", prefix),
                ConfigOverride.config(propertyPrefix, "database.url", database.url()),
                ConfigOverride.config(propertyPrefix, "database.user", database.user()),
                ConfigOverride.config(propertyPrefix, "database.password", database.password()),
                ConfigOverride.config(propertyPrefix, "windowSize", Integer.toString(WINDOW)),
                ConfigOverride.config(propertyPrefix, "auth.apiTokens", TOKEN),
                ConfigOverride.config(propertyPrefix, "auth.adminPassword", ADMIN_PASSWORD)));
        overrides.addAll(List.of(more));
        return new DropwizardAppExtension<>(ReadstateApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), propertyPrefix, overrides.toArray(ConfigOverride[]::new));
    }

    /** The reference: the same resources over the rules in memory, clock at the epoch. */
    static InMemoryApi referenceRules() {
        return new InMemoryApi(WINDOW, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private final DropwizardAppExtension<ReadstateConfiguration> app;
    private final String keyPrefix;
    private final InMemoryApi rules;

    /** Each test class keeps its service and reference in static fields (for the extension) and hands them here. */
    DurableServiceScenario(DropwizardAppExtension<ReadstateConfiguration> app, String keyPrefix, InMemoryApi rules) {
        this.app = app;
        this.keyPrefix = keyPrefix;
        this.rules = rules;
    }

    DropwizardAppExtension<ReadstateConfiguration> app() {
        return app;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    /** The reference: the same resources over the rules in memory, clock at the epoch. */
    InMemoryApi rules() {
        return rules;
    }

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

    /**
     * Deletes every key of the service at once, as a Redis that loses its data does: one
     * script, so that the service's background work (its loss check every second, its
     * flusher) cannot begin a new epoch half way through. Deleted key by key, a shard
     * could be left with a new epoch and no recovery mark while its channels' keys were
     * deleted after it, a state no real loss leaves (a query then found its channel unknown:
     * one CI failure in this test's first wipe-and-rebuild check).
     */
    void wipeRedis() {
        RedissonClient redisson = TestRedis.newClient();
        redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, WIPE, RScript.ReturnType.LONG,
                List.of(), keyPrefix() + "*");
        redisson.shutdown();
    }

    Response admin(String method, String path, boolean withCredentials) {
        return admin(method, app().client().target("http://127.0.0.1:" + app().getAdminPort()).path(path),
                withCredentials);
    }

    /** As {@link #admin(String, String, boolean)}, with the admin password and one query parameter. */
    Response admin(String method, String path, String parameter, String value) {
        return admin(method, app().client().target("http://127.0.0.1:" + app().getAdminPort()).path(path)
                .queryParam(parameter, value), true);
    }

    private Response admin(String method, WebTarget target, boolean withCredentials) {
        var request = target.request();
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
