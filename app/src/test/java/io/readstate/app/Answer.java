package io.readstate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;

/** One HTTP answer as a test sees it: the status, the JSON body (missing when empty) and the headers. */
public record Answer(int status, JsonNode body, MultivaluedMap<String, String> headers) {

    public String header(String name) {
        return headers.getFirst(name);
    }

    public JsonNode get(String field) {
        return body.path(field);
    }

    public String code() {
        return body.path("code").asText();
    }

    public boolean hasNoBody() {
        return body instanceof MissingNode;
    }

    /** The fields the error's details name, in order. */
    public List<String> problemFields() {
        List<String> fields = new ArrayList<>();
        body.path("details").forEach(detail -> fields.add(detail.path("field").asText()));
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
