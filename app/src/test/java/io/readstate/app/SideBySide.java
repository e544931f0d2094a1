package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.app.api.Instants;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * The same random traffic sent over HTTP to the service and to the reference rules
 * (an {@link InMemoryApi} whose clock stands at the epoch), asserting that every answer,
 * status and body, is the same. Where the reference shows the epoch (a time the server
 * stamped), the service must show a time of this run instead.
 */
final class SideBySide {

    private static final String STAMPED_BY_SERVER = Instants.format(Instant.EPOCH);

    private final ApiClient service;
    private final ApiClient rules;
    private final Random random;
    private final RandomEvents traffic;
    private final Instant start = Instant.now().minusSeconds(1);

    SideBySide(ApiClient service, ApiClient rules, long seed, RandomEvents traffic) {
        this.service = service;
        this.rules = rules;
        this.random = new Random(seed);
        this.traffic = traffic;
    }

    /** One step of traffic: a single call (three times in four) or a batch through /v1/events. */
    void step(String context) {
        if (random.nextInt(4) == 0) {
            sendBatch(context);
        } else {
            ChannelEvent event = traffic.next();
            EventCalls.Call call = EventCalls.single(event, random.nextInt(8) > 0);
            assertSameAnswer(context + " " + call, call.method(), call.path(), call.body());
        }
    }

    /** Asks every query about every channel and user of the traffic. */
    void askEverything(String context) {
        for (ChannelId channel : traffic.channels()) {
            String path = "/v1/channels/" + channel.value();
            assertSameAnswer(context, "GET", path, null);
            for (UserId user : traffic.users()) {
                assertSameAnswer(context, "GET", path + "/members/" + user.value(), null);
            }
            for (int seq = 1; seq < 40; seq += 4) {
                receipts(context, path + "/receipts?seq=" + seq + "&limit=2");
            }
        }
        for (UserId user : traffic.users()) {
            assertSameAnswer(context, "GET", "/v1/users/" + user.value() + "/unread?include=all", null);
            assertSameAnswer(context, "GET", "/v1/users/" + user.value() + "/unread", null);
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

    /** Asks a few random queries. */
    void ask(String context) {
        ChannelId channel = traffic.channels().get(random.nextInt(traffic.channels().size()));
        UserId user = traffic.users().get(random.nextInt(traffic.users().size()));
        String path = "/v1/channels/" + channel.value();
        assertSameAnswer(context, "GET", path, null);
        assertSameAnswer(context, "GET", path + "/members/" + user.value(), null);
        assertSameAnswer(context, "GET", "/v1/users/" + user.value() + "/unread" + (random.nextBoolean() ? "?include=all" : ""), null);
        String receipts = path + "/receipts?seq=" + (1 + random.nextInt(40)) + "&limit=" + (1 + random.nextInt(3));
        receipts(context, receipts);
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

    private void receipts(String context, String receipts) {
        JsonNode page = assertSameAnswer(context, "GET", receipts, null);
        while (page.path("next").isTextual()) {
            page = assertSameAnswer(context, "GET", receipts + "&after=" + page.path("next").asText(), null);
        }
    }
}
