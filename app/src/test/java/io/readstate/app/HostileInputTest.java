package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.readstate.adapters.redis.TestRedis;
import java.net.URI;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/**
 * Thousands of malformed and hostile requests to every endpoint: random bytes, deep
 * nesting, huge numbers, long strings, control and unicode characters in ids, wrong
 * types, duplicated and unknown fields, oversized batches, missing and
 * forged tokens (bodies above 1 MiB are left to ReadstateApplicationTest: the server
 * answers 413 before reading them, and a client still sending may see the connection
 * closed instead). Each one is invalid by construction (ids such as ".." are valid, so
 * they are not among them): every answer is a 4xx in the error
 * shape, within 5 s, and the state is the same afterwards.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileInputTest {

    private static final String TOKEN = "hostile-test-token";
    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final int REQUESTS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DropwizardAppExtension<ReadstateConfiguration> APP = new DropwizardAppExtension<>(
            ReadstateApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("redis.url", TestRedis::url),
            ConfigOverride.config("redis.keyPrefix", PREFIX),
            ConfigOverride.config("auth.apiTokens", TOKEN),
            ConfigOverride.config("auth.adminPassword", "not-a-secret"));

    private final Random random = new Random(SEED);

    @AfterAll
    static void removeKeys() {
        RedissonClient redisson = TestRedis.newClient();
        redisson.getKeys().deleteByPattern(PREFIX + "*");
        redisson.shutdown();
    }

    private record Attack(String method, String path, byte[] body, String token) {
    }

    @Test
    void no_hostile_request_gets_a_5xx_hangs_or_changes_anything() throws Exception {
        System.out.println("hostile input seed: " + SEED + " (rerun with -Dhostile.seed=" + SEED + ")");
        send(new Attack("PUT", "/v1/channels/c1/members", "{\"userIds\":[\"alice\",\"bob\",\"carol\"]}".getBytes(), TOKEN));
        send(new Attack("POST", "/v1/channels/c1/messages", "{\"seq\":5,\"senderId\":\"alice\",\"mentions\":[\"bob\"]}"
                .getBytes(), TOKEN));
        send(new Attack("POST", "/v1/channels/c1/read", "{\"userId\":\"carol\",\"seq\":5}".getBytes(), TOKEN));
        String before = snapshot();

        List<Supplier<Attack>> attacks = attacks();
        for (int i = 0; i < REQUESTS; i++) {
            Attack attack = attacks.get(random.nextInt(attacks.size())).get();
            Answer answer;
            try {
                answer = send(attack);
            } catch (IOException e) {
                throw new AssertionError("seed " + SEED + " request " + i + ": " + attack.method() + " "
                        + abbreviated(attack.path()) + " with " + (attack.body() == null ? 0 : attack.body().length)
                        + " bytes got no answer: " + e, e);
            }
            String what = "seed " + SEED + " request " + i + ": " + attack.method() + " " + attack.path() + " -> "
                    + answer.statusCode() + " " + abbreviated(answer.body());
            assertThat(answer.statusCode()).as(what).isBetween(400, 499);
            if (answer.statusCode() == 400 && answer.body().isEmpty() && attack.path().matches(".*%[0-9A-F]{2}.*")) {
                continue; // a path Jetty itself refuses (an encoded '/', '%', control character...) gets its bare 400
            }
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("code").isTextual() && error.path("message").isTextual()
                    && error.path("details").isArray()).as(what).isTrue();
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Supplier<Attack>> attacks() {
        List<Supplier<Attack>> attacks = new ArrayList<>();
        attacks.add(() -> new Attack(method(), path(), randomBytes(random.nextInt(300)), random.nextBoolean() ? null : "forged-" + random.nextInt()));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages", randomBytes(1 + random.nextInt(200)), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/events", ("[".repeat(5_000 + random.nextInt(20_000))).getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages",
                ("{\"seq\":" + "9".repeat(20 + random.nextInt(500)) + ",\"senderId\":\"alice\"}").getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages",
                ("{\"seq\":" + (random.nextBoolean() ? "-1" : "0") + ",\"senderId\":\"alice\"}").getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages",
                ("{\"seq\":6.5,\"senderId\":\"alice\"}").getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/read",
                ("{\"userId\":\"" + "x".repeat(65 + random.nextInt(100_000)) + "\"}").getBytes(), TOKEN));
        attacks.add(() -> new Attack("PUT", "/v1/channels/" + hostileId() + "/members/alice", new byte[0], TOKEN));
        attacks.add(() -> new Attack("GET", "/v1/channels/c1/members/" + hostileId(), null, TOKEN));
        attacks.add(() -> new Attack("GET", "/v1/users/" + hostileId() + "/unread", null, TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/read",
                ("{\"userId\":" + pick("1", "true", "[]", "{}", "1.5", "\"\"", "[\"alice\"]", "null") + "}").getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages", ("{\"seq\":7,\"senderId\":\"alice\",\"mentionAll\":"
                + pick("1", "0", "\"true\"", "[]", "{}", "1.5", "\"yes\"") + "}").getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages",
                "{\"seq\":7,\"seq\":8,\"senderId\":\"alice\"}".getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages",
                "{\"seq\":7,\"senderId\":\"alice\",\"admin\":true}".getBytes(), TOKEN));
        attacks.add(() -> new Attack("PUT", "/v1/channels/c1/members/dave", "{\"lastReadSeq\":99}".getBytes(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/events", oversizedBatch(), TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/events", "{\"events\":[]}".getBytes(), TOKEN));
        attacks.add(() -> new Attack("GET", "/v1/channels/c1/receipts?seq=" + wrongQuery() + "&limit=" + wrongQuery(), null, TOKEN));
        attacks.add(() -> new Attack("DELETE", "/v1/channels/c1/messages/" + wrongQuery(), null, TOKEN));
        attacks.add(() -> new Attack("POST", "/v1/channels/c1/messages", null, null));
        return attacks;
    }

    private String method() {
        return List.of("GET", "PUT", "POST", "DELETE").get(random.nextInt(4));
    }

    private String path() {
        return List.of("/v1/events", "/v1/channels/c1", "/v1/channels/c1/members", "/v1/channels/c1/read",
                "/v1/channels/c1/messages", "/v1/users/alice/unread").get(random.nextInt(6));
    }

    /** An id outside the contract's charset or length, percent-encoded into the path. */
    private String hostileId() {
        String[] ids = {"", "a b", "é", "\u0000", "\n", "日本", "a/b", "{c1}", "x".repeat(65), "%", "a?b", "\u202e", "a+b"};
        String id = ids[random.nextInt(ids.length)];
        return id.isEmpty() ? "%20" : java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String wrongQuery() {
        return List.of("abc", "-1", "0", "1.5", "99999999999999999999999", "%00", "").get(random.nextInt(7));
    }

    private byte[] oversizedBatch() {
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1_001; i++) {
            events.append(i == 0 ? "" : ",").append("{\"type\":\"read\",\"channelId\":\"c1\",\"userId\":\"bob\"}");
        }
        return events.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length > 0) {
            bytes[0] = (byte) '{';
        }
        if (length > 1) {
            bytes[length - 1] = (byte) 0xff;
        }
        return bytes;
    }

    private record Answer(int statusCode, String body) {
    }

    /** One request on a connection of its own (a server that closes after an error must not fail the next request). */
    private Answer send(Attack attack) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + APP.getLocalPort()
                + attack.path()).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        connection.setRequestMethod(attack.method());
        connection.setRequestProperty("Connection", "close");
        connection.setRequestProperty("Content-Type", "application/json");
        if (attack.token() != null) {
            connection.setRequestProperty("Authorization", "Bearer " + attack.token());
        }
        if (attack.body() != null && !attack.method().equals("GET")) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(attack.body());
            } catch (IOException closedWhileSending) {
                // the server answered before reading the whole body: read that answer
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new Answer(status, body);
    }

    private String snapshot() throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/v1/channels/c1", "/v1/channels/c1/members/alice", "/v1/channels/c1/members/bob",
                "/v1/channels/c1/members/carol", "/v1/users/bob/unread?include=all",
                "/v1/channels/c1/receipts?seq=5")) {
            state.append(send(new Attack("GET", path, null, TOKEN)).body()).append('\n');
        }
        return state.toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
