package io.readstate.bench.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.bench.load.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Readstate's admin port: {@code /status}, {@code /metrics} and the tasks. */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String basicAuth;

    public AdminClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode status() {
        return parse(call("GET", "/status", Duration.ofSeconds(10)));
    }

    /** Whether the admin port answers {@code /status} with 200. */
    public boolean answers() {
        try {
            call("GET", "/status", Duration.ofSeconds(2));
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    /**
     * {@code GET /ping} as a load target: about the least an HTTP request to the service
     * can cost, so that its latency is the floor under every other figure.
     */
    public Target ping() {
        PipelinedHttp pings = new PipelinedHttp(baseUrl, ReadstateApi.CONNECTIONS);
        return events -> pings.send("GET", "/ping", List.of(), null).thenAccept(response -> {
            if (response.status() != 200) {
                throw new IllegalStateException("GET /ping answered " + response.status());
            }
        });
    }

    /**
     * The service's gauge {@code jvm.compilation.time-millis}: how long its JIT has compiled
     * since start; -1 when the service does not tell (or its admin port does not answer).
     */
    public long compilationMillis() {
        try {
            return parse(call("GET", "/metrics", Duration.ofSeconds(10))).path("gauges")
                    .path("jvm.compilation.time-millis").path("value").asLong(-1);
        } catch (IllegalStateException unanswered) {
            return -1;
        }
    }

    /** {@code POST /tasks/flush}: writes everything dirty now; answers the task's report. */
    public String flush() {
        return call("POST", "/tasks/flush", Duration.ofMinutes(10));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private String call(String method, String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", basicAuth).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
