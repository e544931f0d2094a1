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
    private static final String STAMPED_BY_SERVER = Instants.format(Instant.EPOCH);

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
    private Random random;
    private RandomEvents traffic;
    private Instant start;

    @BeforeEach
    void freshState() {
        ApiClient.allowingRequestsWithoutBody(APP.client());
        service = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getLocalPort()).path(path), TOKEN);
        rules = RULES.client();
        removeKeys();
        RULES.reset();
        start = Instant.now().minusSeconds(1);
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
        random = new Random(seed);
        traffic = new RandomEvents(seed, 3, 5);
        for (int step = 0; step < STEPS; step++) {
            String context = "seed " + seed + " step " + step;
            if (random.nextInt(4) == 0) {
                sendBatch(context);
            } else {
                ChannelEvent event = traffic.next();
                EventCalls.Call call = EventCalls.single(event, random.nextInt(8) > 0);
                assertSameAnswer(context + " " + call, call.method(), call.path(), call.body());
            }
            ask(context);
        }
    }

    private void sendBatch(String context) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("events");
        for (int i = random.nextInt(8) + 1; i > 0; i--) {
            ChannelEvent event = traffic.next();
            if (event instanceof MembersJoined) {
                EventCalls.Call call = EventCalls.single(event, true);
                assertSameAnswer(context + " " + call, call.method(), call.path(), call.body());
            } else {
                items.add(EventCalls.item(event, random.nextInt(8) > 0));
            }
            if (random.nextInt(10) == 0) {
                items.add(JsonNodeFactory.instance.objectNode().put("type", "message").put("channelId", "ch-0"));
            }
        }
        if (!items.isEmpty()) {
            assertSameAnswer(context + " batch " + body, "POST", "/v1/events", body.toString());
        }
    }

    private void ask(String context) {
        ChannelId channel = traffic.channels().get(random.nextInt(traffic.channels().size()));
        UserId user = traffic.users().get(random.nextInt(traffic.users().size()));
        String path = "/v1/channels/" + channel.value();
        assertSameAnswer(context, "GET", path, null);
        assertSameAnswer(context, "GET", path + "/members/" + user.value(), null);
        assertSameAnswer(context, "GET", "/v1/users/" + user.value() + "/unread" + (random.nextBoolean() ? "?include=all" : ""), null);
        String receipts = path + "/receipts?seq=" + (1 + random.nextInt(40)) + "&limit=" + (1 + random.nextInt(3));
        JsonNode page = assertSameAnswer(context, "GET", receipts, null);
        while (page.path("next").isTextual()) {
            page = assertSameAnswer(context, "GET", receipts + "&after=" + page.path("next").asText(), null);
        }
    }

    private JsonNode assertSameAnswer(String context, String method, String path, String body) {
        Answer expected = rules.send(method, path, body);
        Answer actual = service.send(method, path, body);
        assertThat(actual.status()).as("%s: %s %s", context, method, path).isEqualTo(expected.status());
        assertThat(withServerTimes(expected.body(), actual.body(), context))
                .as("%s: %s %s", context, method, path).isEqualTo(expected.body());
        return actual.body();
    }

    /** The actual answer, with each time that the reference shows as stamped by the server checked and aligned. */
    private JsonNode withServerTimes(JsonNode expected, JsonNode actual, String context) {
        if (expected.isTextual() && expected.textValue().equals(STAMPED_BY_SERVER) && actual.isTextual()) {
            Instant stamped = Instant.parse(actual.textValue());
            assertThat(stamped).as(context + ": a time the server stamped").isBetween(start, Instant.now());
            return TextNode.valueOf(STAMPED_BY_SERVER);
        }
        if (expected.isObject() && actual.isObject()) {
            ObjectNode aligned = actual.deepCopy();
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (actual.has(field.getKey())) {
                    aligned.set(field.getKey(), withServerTimes(field.getValue(), actual.get(field.getKey()), context));
                }
            }
            return aligned;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            ArrayNode aligned = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < actual.size(); i++) {
                aligned.add(withServerTimes(expected.get(i), actual.get(i), context));
            }
            return aligned;
        }
        return actual;
    }
}
