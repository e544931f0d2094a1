package io.readstate.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to one service instance on 127.0.0.1: the API with the bearer token, and the admin
 * port's /status, /healthcheck and tasks (with basic auth).
 */
final class ServiceClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final int httpPort;
    private final int adminPort;

    /** One answer and how long it took. */
    record Answer(int status, String body, Duration took) {
        boolean succeeded() {
            return status / 100 == 2;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
            }
        }

        /** Whether the body has the contract's error shape with this code. */
        boolean isError(String code) {
            try {
                JsonNode error = JSON.readTree(body);
                return error != null && code.equals(error.path("code").asText()) && error.path("message").isTextual()
                        && error.path("details").isArray();
            } catch (IOException e) {
                return false;
            }
        }
    }

    ServiceClient(int httpPort, int adminPort) {
        this.httpPort = httpPort;
        this.adminPort = adminPort;
    }

    int httpPort() {
        return httpPort;
    }

    int adminPort() {
        return adminPort;
    }

    /** An API call; an IOException means no answer (refused, reset, timed out). */
    Answer api(String method, String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(API_TIMEOUT)
                .header("Authorization", "Bearer " + ServiceInstance.TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    Answer get(String path) throws IOException {
        return api("GET", path, null);
    }

    /** GET /status on the admin port. */
    JsonNode status() {
        Answer answer = admin("GET", "/status", false, API_TIMEOUT);
        if (answer.status() != 200) {
            throw new IllegalStateException("/status answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** GET /metrics on the admin port (Dropwizard's JSON). */
    JsonNode metrics() {
        return admin("GET", "/metrics", false, API_TIMEOUT).json();
    }

    /** GET /healthcheck: 200 when every check is healthy, 500 otherwise; the body names each check. */
    Answer health() {
        return admin("GET", "/healthcheck", false, API_TIMEOUT);
    }

    /** POST /tasks/flush; fails unless it answers 200. */
    String flush() {
        return task("/tasks/flush");
    }

    /** POST /tasks/rehydrate (every channel); fails unless it answers 200. */
    String rehydrate() {
        return task("/tasks/rehydrate");
    }

    /** Whether both ports answer (any status): the instance is up. */
    boolean answers() {
        try {
            send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/status"))
                    .timeout(Duration.ofSeconds(2)).GET().build());
            send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/v1/channels"))
                    .timeout(Duration.ofSeconds(2)).GET().build());
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String task(String path) {
        Answer answer = admin("POST", path, true, TASK_TIMEOUT);
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer admin(String method, String path, boolean authenticated, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (ServiceInstance.ADMIN_USER + ":" + ServiceInstance.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on the admin port got no answer: " + e, e);
        }
    }

    private Answer send(HttpRequest request) throws IOException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
