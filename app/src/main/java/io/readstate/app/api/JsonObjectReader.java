package io.readstate.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the fields of one JSON object by hand and notes each problem in {@link Problems}
 * instead of stopping at the first. A field set to {@code null} counts as absent. Values
 * that cannot be read come back as null, zero or empty; the caller checks
 * {@link Problems#any()} before using them.
 */
public final class JsonObjectReader {

    private final JsonNode object;
    private final Problems problems;
    private final boolean isObject;

    private JsonObjectReader(JsonNode object, Problems problems, boolean isObject) {
        this.object = object;
        this.problems = problems;
        this.isObject = isObject;
    }

    /** A reader of {@code node}, which must be an object holding only the {@code known} fields. */
    public static JsonObjectReader of(JsonNode node, String name, Set<String> known, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(name, "must be a JSON object");
            return new JsonObjectReader(JsonNodeFactory.instance.objectNode(), problems, false);
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!known.contains(field)) {
                problems.add(field, "is not a known field");
            }
        }
        return new JsonObjectReader(node, problems, true);
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    public String requiredText(String name) {
        JsonNode node = value(name);
        if (node == null) {
            missing(name);
            return null;
        }
        if (!node.isTextual()) {
            problems.add(name, "must be a string");
            return null;
        }
        return node.textValue();
    }

    public UserId requiredUserId(String name) {
        String text = requiredText(name);
        return text == null ? null : problems.userId(name, text);
    }

    /** A seq: an integer from 1 to 2^63-1. */
    public long requiredSeq(String name) {
        if (!has(name)) {
            missing(name);
            return 0;
        }
        return optionalSeq(name).orElse(0);
    }

    public OptionalLong optionalSeq(String name) {
        return optionalInteger(name, 1);
    }

    /** A read position: 0 (nothing read) or a seq. */
    public OptionalLong optionalReadPosition(String name) {
        return optionalInteger(name, 0);
    }

    public boolean optionalBoolean(String name) {
        JsonNode node = value(name);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(name, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    public Instant optionalInstant(String name) {
        JsonNode node = value(name);
        if (node == null) {
            return null;
        }
        Instant time = node.isTextual() ? Instants.parse(node.textValue()).orElse(null) : null;
        if (time == null) {
            problems.add(name, "must be an ISO-8601 instant such as 2026-11-26T19:00:00.123Z");
        }
        return time;
    }

    /** An array of user ids with {@code min} to {@code max} entries; absent counts as empty. */
    public List<UserId> userIds(String name, int min, int max) {
        JsonNode node = value(name);
        if (node == null && min > 0) {
            missing(name);
            return List.of();
        }
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(name, "must be an array of user ids");
            return List.of();
        }
        if (node.size() < min || node.size() > max) {
            problems.add(name, "must hold " + min + " to " + max + " user ids");
            return List.of();
        }
        List<UserId> users = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String field = name + "[" + i + "]";
            JsonNode element = node.get(i);
            if (element.isTextual()) {
                users.add(problems.userId(field, element.textValue()));
            } else {
                problems.add(field, "must be a string");
            }
        }
        return users;
    }

    private OptionalLong optionalInteger(String name, long min) {
        JsonNode node = value(name);
        if (node == null) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= min) {
            return OptionalLong.of(node.longValue());
        }
        problems.add(name, "must be an integer from " + min + " to " + Long.MAX_VALUE);
        return OptionalLong.empty();
    }

    /** A required field is absent; not said of a body that was no object in the first place. */
    private void missing(String name) {
        if (isObject) {
            problems.add(name, "is required");
        }
    }

    private JsonNode value(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
