package io.readstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 6: 3,000 malformed and hostile requests, drawn with a seeded random (the seed is
 * printed; rerun one with {@code -Dfaults.seed=N}), against every endpoint of one running
 * instance: random bytes, 10,000 nested arrays, huge and fractional numbers, 100 KB ids,
 * control and unicode characters in ids (percent-encoded in paths), wrong types,
 * duplicated and unknown fields, a batch of 1,001 events, a 2 MiB body, missing and forged
 * tokens, forged admin credentials. Every request is invalid by construction. No answer
 * may be a 5xx or take more than 5 s; every 4xx of the API has the error shape (a batch
 * whose envelope is valid may instead answer 200 with every event refused); and the state
 * is the same afterwards.
 */
@Order(6)
@ExtendWith(FaultReport.Failures.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    private static final int REQUESTS = 3_000;
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String TOKEN = ServiceInstance.TOKEN;
    private static final String BEARER = "Bearer " + TOKEN;

    private final Random random = new Random(SEED);

    /** One hostile request. {@code batchMayAnswer200}: a valid envelope whose events are all invalid. */
    private record Attack(String kind, String method, String path, byte[] body, String authorization, boolean admin,
                          boolean batchMayAnswer200) {
        String describe() {
            String shown = path.length() > 120 ? path.substring(0, 120) + "…(" + path.length() + " chars)" : path;
            return kind + ": " + method + " " + shown + " with " + (body == null ? 0 : body.length) + " bytes";
        }
    }

    private record Reply(int status, String body, Duration took) {
    }

    /** One kind of wrong answer: how often it came, and the first example. */
    private record Finding(String what, int count, String example) {
        @Override
        public String toString() {
            return count + "x " + what + "\n      e.g. " + example;
        }
    }

    private static void note(Map<String, Finding> findings, String what, String example) {
        findings.merge(what, new Finding(what, 1, example),
                (known, again) -> new Finding(what, known.count() + 1, known.example()));
    }

    @Test
    void no_hostile_request_gets_a_5xx_hangs_or_changes_anything() throws Exception {
        System.out.println("hostile input seed: " + SEED + " (rerun with -Dfaults.seed=" + SEED + ")");
        try (TestBed bed = TestBed.start("hostile-input")) {
            ServiceInstance service = bed.service("readstate", bed.writeBehind());
            int port = service.client().httpPort();
            int adminPort = service.client().adminPort();
            Ledger ledger = new Ledger();
            Driver driver = new Driver(ledger, service.client());
            driver.sendEachUntilAnswered(List.of(
                    new ChatEvent.Join("c1", "alice", OptionalLong.empty()),
                    new ChatEvent.Join("c1", "bob", OptionalLong.empty()),
                    new ChatEvent.Join("c1", "carol", OptionalLong.empty()),
                    new ChatEvent.Message("c1", 5, "alice", List.of("bob"), false,
                            Instant.parse("2026-01-01T00:00:00Z")),
                    new ChatEvent.Read("c1", "carol", OptionalLong.of(5),
                            Instant.parse("2026-01-01T00:00:01Z"))), Duration.ofSeconds(30));
            StateCheck check = new StateCheck(List.of("c1", "c2"), List.of("alice", "bob", "carol", "dave"));
            check.assertShowsExactly(service.client(), ledger.acknowledged(), "before the attacks");
            SortedMap<String, String> before = check.observe(service.client());

            List<Supplier<Attack>> attacks = attacks();
            Map<String, Finding> findings = new LinkedHashMap<>();
            Duration slowest = Duration.ZERO;
            int answered2xx = 0;
            for (int i = 0; i < REQUESTS; i++) {
                Attack attack = attacks.get(random.nextInt(attacks.size())).get();
                Reply reply;
                try {
                    reply = send(attack.admin() ? adminPort : port, attack);
                } catch (IOException e) {
                    note(findings, attack.kind() + ", " + attack.method() + ": no answer",
                            "#" + i + " " + attack.describe() + ": " + e);
                    continue;
                }
                slowest = reply.took().compareTo(slowest) > 0 ? reply.took() : slowest;
                answered2xx += reply.status() / 100 == 2 ? 1 : 0;
                String problem = problemWith(attack, reply);
                if (problem != null) {
                    note(findings, attack.kind() + ", " + attack.method() + " -> " + reply.status() + ": " + problem,
                            "#" + i + " " + attack.describe() + " answered in " + reply.took().toMillis() + " ms: "
                                    + abbreviated(reply.body()));
                }
            }
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(findings.values()).as("seed %d: requests answered wrongly (%d kinds)", SEED,
                    findings.size()).isEmpty();
            softly.assertThat(StateCheck.differences(before, check.observe(service.client())))
                    .as("seed %d: the state after the attacks", SEED).isEmpty();
            service.client().flush();
            bed.redis().flushAll();
            service.client().rehydrate();
            softly.assertThat(StateCheck.differences(before, check.observe(service.client())))
                    .as("seed %d: the state in PostgreSQL after the attacks", SEED).isEmpty();
            softly.assertAll();

            FaultReport.add(new FaultReport.Row(String.format("hostile input, seed %d: %d requests, no 5xx, slowest "
                    + "answer %d ms, %d batches answered 200 with every event refused, state unchanged", SEED, REQUESTS,
                    slowest.toMillis(), answered2xx), REQUESTS, 0, "0", "n/a", "n/a", "n/a"));
        }
    }

    /** Null when the answer is right for the attack, else what is wrong with it. */
    private static String problemWith(Attack attack, Reply reply) {
        if (reply.status() >= 500) {
            return "a 5xx";
        }
        if (reply.took().compareTo(BOUND) > 0) {
            return "slower than " + BOUND.toSeconds() + " s";
        }
        if (attack.admin()) {
            return reply.status() == 401 ? null : "the admin port let forged credentials through";
        }
        if (reply.status() == 200 && attack.batchMayAnswer200()) {
            return everyEventRefused(reply.body()) ? null : "a batch of invalid events was (partly) accepted";
        }
        if (reply.status() < 400) {
            return "an invalid request was accepted";
        }
        return hasErrorShape(reply.body()) ? null : "a 4xx without the error shape";
    }

    private static boolean hasErrorShape(String body) {
        try {
            JsonNode error = ServiceClient.JSON.readTree(body);
            return error != null && error.path("code").isTextual() && error.path("message").isTextual()
                    && error.path("details").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean everyEventRefused(String body) {
        try {
            JsonNode results = ServiceClient.JSON.readTree(body).path("results");
            if (!results.isArray() || results.isEmpty()) {
                return false;
            }
            for (JsonNode result : results) {
                int status = result.path("status").asInt();
                if (status < 400 || status >= 500 || !result.path("code").isTextual()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Supplier<Attack>> attacks() {
        List<Supplier<Attack>> attacks = new ArrayList<>();
        // no token, or a forged one, on any endpoint, with a valid body: 401 and nothing changes
        attacks.add(() -> api("forged token", randomEndpointMethod(), randomPath(), json(validBody()), forgedToken()));
        attacks.add(() -> api("random bytes, forged token", randomEndpointMethod(), randomPath(),
                randomBytes(random.nextInt(300)), forgedToken()));
        attacks.add(() -> api("random body", "POST", pick("/v1/channels/c1/messages", "/v1/channels/c1/read",
                "/v1/events"), randomBytes(1 + random.nextInt(200)), BEARER));
        attacks.add(() -> api("random body", "PUT", pick("/v1/channels/c1/members", "/v1/channels/c1/members/dave"),
                randomBytes(1 + random.nextInt(200)), BEARER));
        // nesting
        attacks.add(() -> api("10,000 nested arrays", "POST", pick("/v1/events", "/v1/channels/c1/messages",
                "/v1/channels/c1/read"), json(nested(10_000)), BEARER));
        attacks.add(() -> api("nested arrays in a field", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":7,\"senderId\":\"alice\",\"mentions\":" + nested(1_000 + random.nextInt(9_000)) + "}"),
                BEARER));
        attacks.add(() -> api("nested events", "POST", "/v1/events", json("{\"events\":" + nested(10_000) + "}"), BEARER));
        attacks.add(() -> api("unclosed nesting", "POST", "/v1/events",
                json("[".repeat(5_000 + random.nextInt(20_000))), BEARER));
        // numbers
        attacks.add(() -> api("huge or fractional seq", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":" + badNumber() + ",\"senderId\":\"alice\"}"), BEARER));
        attacks.add(() -> api("huge or fractional read seq", "POST", "/v1/channels/c1/read",
                json("{\"userId\":\"bob\",\"seq\":" + badNumber() + "}"), BEARER));
        attacks.add(() -> api("bad lastReadSeq", "PUT", "/v1/channels/c1/members/dave",
                json("{\"lastReadSeq\":" + pick("99", "-1", "9".repeat(30), "1.5", "\"x\"", "true", "[]") + "}"), BEARER));
        attacks.add(() -> api("bad seq in the path", "DELETE", "/v1/channels/c1/messages/" + badPathNumber(), null, BEARER));
        attacks.add(() -> api("bad receipts query", "GET", "/v1/channels/c1/receipts?seq=" + badQuery() + "&limit="
                + pick("0", "1001", "-1", "abc", "1.5", "9".repeat(25)), null, BEARER));
        // long strings and hostile ids
        attacks.add(() -> api("long id in the body", "POST", "/v1/channels/c1/read",
                json("{\"userId\":\"" + "x".repeat(65 + random.nextInt(100_000)) + "\"}"), BEARER));
        attacks.add(() -> api("long sender", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":7,\"senderId\":\"" + "s".repeat(65 + random.nextInt(100_000)) + "\"}"), BEARER));
        attacks.add(() -> api("100 KB id in the path", pick("GET", "PUT", "DELETE"),
                "/v1/channels/c1/members/" + "x".repeat(100_000), null, BEARER));
        attacks.add(() -> api("hostile channel id in the path", pick("GET", "PUT", "DELETE", "POST"),
                channelPath(hostileId()), json(validBody()), BEARER));
        attacks.add(() -> api("hostile user id in the path", pick("GET", "PUT", "DELETE"),
                "/v1/channels/c1/members/" + hostileId(), null, BEARER));
        attacks.add(() -> api("hostile user id in the path", "GET", "/v1/users/" + hostileId() + "/unread", null, BEARER));
        attacks.add(() -> api("hostile id in the body", "POST", "/v1/channels/c1/read",
                json("{\"userId\":" + quoted(hostileRawId()) + "}"), BEARER));
        attacks.add(() -> api("hostile mention", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":7,\"senderId\":\"alice\",\"mentions\":[" + quoted(hostileRawId()) + "]}"), BEARER));
        attacks.add(() -> api("hostile ids in a bulk join", "PUT", "/v1/channels/c1/members",
                json("{\"userIds\":[\"erin\"," + quoted(hostileRawId()) + "]}"), BEARER));
        // types, duplicates, unknown fields
        attacks.add(() -> api("wrong type", "POST", "/v1/channels/c1/read",
                json("{\"userId\":" + pick("1", "true", "[]", "{}", "1.5", "\"\"", "[\"bob\"]", "null") + "}"), BEARER));
        attacks.add(() -> api("wrong type", "POST", "/v1/channels/c1/messages", json("{\"seq\":7,\"senderId\":\"alice\","
                + pick("\"mentionAll\":1", "\"mentionAll\":\"true\"", "\"mentionAll\":[]", "\"mentions\":\"bob\"",
                "\"mentions\":[1]", "\"mentions\":[null]", "\"mentions\":{\"bob\":1}", "\"sentAt\":12",
                "\"sentAt\":\"yesterday\"", "\"senderId\":7") + "}"), BEARER));
        attacks.add(() -> api("wrong type", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":" + pick("true", "[]", "{}", "\"seven\"", "null") + ",\"senderId\":\"alice\"}"), BEARER));
        attacks.add(() -> api("wrong type", "PUT", "/v1/channels/c1/members",
                json("{\"userIds\":" + pick("\"erin\"", "[1]", "[]", "null", "[[\"erin\"]]", "{}") + "}"), BEARER));
        attacks.add(() -> api("wrong envelope", "POST", "/v1/events",
                json(pick("{\"events\":{}}", "{\"events\":\"x\"}", "{\"events\":1}", "{\"events\":null}", "[]", "{}",
                        "{\"events\":[]}", "\"events\"")), BEARER));
        attacks.add(() -> api("duplicated field", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":7,\"seq\":8,\"senderId\":\"alice\"}"), BEARER));
        attacks.add(() -> api("duplicated field", "POST", "/v1/channels/c1/read",
                json("{\"userId\":\"bob\",\"userId\":\"alice\",\"seq\":5}"), BEARER));
        attacks.add(() -> api("unknown field", "POST", "/v1/channels/c1/messages",
                json("{\"seq\":7,\"senderId\":\"alice\",\"admin\":true}"), BEARER));
        attacks.add(() -> api("unknown field", "PUT", "/v1/channels/c1/members/dave", json("{\"role\":\"owner\"}"), BEARER));
        attacks.add(() -> api("read position above the head", "PUT", "/v1/channels/c1/members/dave",
                json("{\"lastReadSeq\":99}"), BEARER));
        attacks.add(() -> batch("batch of invalid events", "{\"events\":[{\"type\":\"nope\",\"channelId\":\"c1\"},"
                + "{\"type\":\"message\",\"channelId\":\"c1\",\"seq\":-1,\"senderId\":\"alice\"},"
                + "{\"type\":\"read\",\"channelId\":\"c 1\",\"userId\":\"bob\"},"
                + "{\"type\":\"join\",\"channelId\":\"c1\",\"userId\":\"dave\",\"lastReadSeq\":99},"
                + "{\"type\":\"leave\",\"channelId\":\"c1\",\"userId\":\"dave\"},"
                + "{\"type\":\"message\",\"channelId\":\"c1\",\"seq\":8,\"senderId\":\"alice\",\"extra\":1}]}"));
        // sizes
        attacks.add(() -> api("1,001 events", "POST", "/v1/events", oversizedBatch(), BEARER));
        attacks.add(() -> api("2 MiB body", pick("POST", "PUT"), pick("/v1/events", "/v1/channels/c1/messages",
                "/v1/channels/c1/members"), twoMebibytes(), BEARER));
        attacks.add(() -> api("10,001 users in a bulk join", "PUT", "/v1/channels/c2/members", manyUsers(), BEARER));
        // the admin port's tasks and console without valid credentials
        attacks.add(() -> new Attack("forged admin credentials", pick("POST", "GET"),
                pick("/tasks/flush", "/tasks/rehydrate", "/tasks/rehydrate?channel=c1", "/console"), null,
                pick(null, "Basic " + base64("admin:wrong"), "Basic " + base64(ServiceInstance.ADMIN_USER + ":"),
                        "Basic !!!", "Bearer " + TOKEN), true, false));
        return attacks;
    }

    /** An API request; {@code authorization} is the whole header (null: none). */
    private Attack api(String kind, String method, String path, byte[] body, String authorization) {
        return new Attack(kind, method, path, body, authorization, false, false);
    }

    private Attack batch(String kind, String body) {
        return new Attack(kind, "POST", "/v1/events", json(body), BEARER, false, true);
    }

    private String randomEndpointMethod() {
        return pick("GET", "PUT", "POST", "DELETE");
    }

    private String randomPath() {
        return pick("/v1/events", "/v1/channels/c1", "/v1/channels/c1/members", "/v1/channels/c1/members/bob",
                "/v1/channels/c1/read", "/v1/channels/c1/messages", "/v1/channels/c1/messages/5",
                "/v1/channels/c1/receipts?seq=5", "/v1/users/bob/unread", "/v1/channels/c2/members/erin");
    }

    /** A body that would change the state if it were let through. */
    private String validBody() {
        return pick("{\"seq\":9,\"senderId\":\"alice\",\"mentions\":[\"carol\"]}", "{\"userId\":\"bob\",\"seq\":5}",
                "{\"userIds\":[\"erin\"]}", "{\"events\":[{\"type\":\"leave\",\"channelId\":\"c1\",\"userId\":\"bob\"}]}");
    }

    /** Missing (null), empty, forged, or the right token in the wrong place. */
    private String forgedToken() {
        return pick(null, "", "Bearer forged-" + random.nextInt(1_000_000), "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.substring(1), "Bearer ", "Basic " + base64(TOKEN), TOKEN, "Token " + TOKEN,
                "Bearer " + TOKEN.toUpperCase());
    }

    private String badNumber() {
        return pick("9".repeat(20 + random.nextInt(500)), "1e400", "-1", "0", "6.5", "-9223372036854775809",
                "9223372036854775808", "NaN", "Infinity", "-0.0", "0x10", "1_000");
    }

    private String badPathNumber() {
        return pick("abc", "-1", "0", "1.5", "99999999999999999999999", "%00", "1e3", "%20", "9".repeat(200));
    }

    private String badQuery() {
        return pick("abc", "-1", "0", "1.5", "99999999999999999999999", "%00", "", "9".repeat(300));
    }

    /** An id outside the contract (charset or length), percent-encoded for a path. */
    private String hostileId() {
        String id = hostileRawId();
        return id.isEmpty() ? "%20" : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String hostileRawId() {
        return pick("", " ", "a b", "é", "\u0000", "\n", "\r\n", "\t", "日本", "a/b", "{c1}", "%", "a?b", "\u202e",
                "a+b", "😀", "bob\u0000", "x".repeat(65), "a#b", "a\\b", "\"", "<script>", "a;b", "\u0085", "\ufeff");
    }

    private String channelPath(String id) {
        return pick("/v1/channels/" + id, "/v1/channels/" + id + "/members/alice", "/v1/channels/" + id + "/members",
                "/v1/channels/" + id + "/messages", "/v1/channels/" + id + "/read",
                "/v1/channels/" + id + "/receipts?seq=1", "/v1/channels/" + id + "/messages/5");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String quoted(String raw) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private byte[] oversizedBatch() {
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1_001; i++) {
            events.append(i == 0 ? "" : ",").append("{\"type\":\"read\",\"channelId\":\"c1\",\"userId\":\"bob\"}");
        }
        return json(events.append("]}").toString());
    }

    private static byte[] manyUsers() {
        StringBuilder users = new StringBuilder("{\"userIds\":[");
        for (int i = 0; i <= 10_000; i++) {
            users.append(i == 0 ? "" : ",").append("\"user").append(i).append('"');
        }
        return json(users.append("]}").toString());
    }

    private byte[] twoMebibytes() {
        byte[] body = new byte[2 * 1024 * 1024];
        random.nextBytes(body);
        body[0] = '{';
        return body;
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

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** One request on a connection of its own (a server may close a connection after refusing a request). */
    private static Reply send(int port, Attack attack) throws IOException {
        RawHttp.Reply reply = RawHttp.exchange(port, attack.method(), attack.path(), attack.authorization(),
                attack.method().equals("GET") ? null : attack.body(), BOUND.plusSeconds(1));
        return new Reply(reply.status(), reply.body(), reply.took());
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
