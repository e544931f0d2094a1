package io.readstate.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.glassfish.jersey.client.ClientProperties;

/**
 * Calls the API the way a chat service would, with raw JSON text in and parsed JSON out,
 * so that tests can send anything, malformed bodies included. The JAX-RS client behind
 * it must allow PUT and POST without a body ({@link #allowingRequestsWithoutBody}).
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, WebTarget> targets;
    private final String token;

    public ApiClient(Function<String, WebTarget> targets, String token) {
        this.targets = targets;
        this.token = token;
    }

    public ApiClient withToken(String other) {
        return new ApiClient(targets, other);
    }

    public ApiClient withoutToken() {
        return new ApiClient(targets, null);
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, (String) null);
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    public Answer put(String path) {
        return send("PUT", path, (String) null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public Answer delete(String path) {
        return send("DELETE", path, (String) null);
    }

    public Answer send(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body == null ? null : Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    public Answer send(String method, String pathAndQuery, Entity<?> entity) {
        return send(method, target(pathAndQuery), entity);
    }

    public Answer send(String method, WebTarget target, Entity<?> entity) {
        Invocation.Builder request = target.request();
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        try (Response response = entity == null ? request.method(method) : request.method(method, entity)) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Answer(response.getStatus(), parse(text), response.getStringHeaders());
        }
    }

    /** The target of a path with its query string. */
    public WebTarget target(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        WebTarget target = targets.apply(query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        if (query >= 0) {
            for (String pair : pathAndQuery.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                target = equals < 0 ? target.queryParam(pair, "")
                        : target.queryParam(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return target;
    }

    public static void allowingRequestsWithoutBody(Configurable<?> client) {
        client.property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true);
    }

    private static JsonNode parse(String text) {
        if (text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer is not JSON: " + text, e);
        }
    }
}
