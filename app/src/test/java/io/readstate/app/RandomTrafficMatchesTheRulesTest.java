package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.adapters.redis.TestRedis;
import io.readstate.app.api.Instants;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;

/**
 * Random traffic sent over HTTP, one endpoint at a time and in batches, to the service on
 * Redis and to the same resources over the reference rules in memory: every answer,
 * status and body, is the same. The window is small so that counts get capped.
 *
 * <p>The reference stamps times with the epoch; where it shows the epoch, the service
 * must show a time of this run instead.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RandomTrafficMatchesTheRulesTest {

    private static final int WINDOW = 5;
    private static final int STEPS = 150;
    private static final String TOKEN = "random-test-token";
    private static final String PREFIX = TestRedis.uniquePrefix();

    private static final DropwizardAppExtension<ReadstateConfiguration> APP = new DropwizardAppExtension<>(
            ReadstateApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("redis.url", TestRedis::url),
            ConfigOverride.config("redis.keyPrefix", PREFIX),
            ConfigOverride.config("windowSize", Integer.toString(WINDOW)),
            ConfigOverride.config("auth.apiTokens", TOKEN),
            ConfigOverride.config("auth.adminPassword", "not-a-secret"));
    private static final InMemoryApi RULES = new InMemoryApi(WINDOW, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private static final ResourceExtension RULES_RESOURCES = RULES.resources();

    private ApiClient service;
    private ApiClient rules;

    @BeforeEach
    void freshState() {
        ApiClient.allowingRequestsWithoutBody(APP.client());
        service = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getLocalPort()).path(path), TOKEN);
        rules = RULES.client();
        removeKeys();
        RULES.reset();
    }

    @AfterAll
    static void removeKeys() {
        RedissonClient redisson = TestRedis.newClient();
        redisson.getKeys().deleteByPattern(PREFIX + "*");
        redisson.shutdown();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void every_answer_of_the_service_equals_the_answer_of_the_rules(long seed) {
        SideBySide both = new SideBySide(service, rules, seed, new RandomEvents(seed, 3, 5));
        for (int step = 0; step < STEPS; step++) {
            String context = "seed " + seed + " step " + step;
            both.step(context);
            both.ask(context);
        }
    }
}
