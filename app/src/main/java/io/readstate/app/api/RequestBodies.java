package io.readstate.app.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies as JSON trees, strictly: at most {@link #MAX_BYTES} bytes, no
 * duplicate keys, nothing after the value, bounded nesting. Anything else is
 * {@code malformed_json} (400), or {@code payload_too_large} (413).
 */
public final class RequestBodies {

    public static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_REASON_LENGTH = 200;

    private final ObjectMapper mapper;

    public RequestBodies() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** The body, which must be there. */
    public JsonNode required(InputStream body) {
        JsonNode json = parse(read(body));
        if (json == null) {
            throw ApiException.malformedJson("A JSON body is required");
        }
        return json;
    }

    /** The body, or an empty object when there is none. */
    public JsonNode optional(InputStream body) {
        JsonNode json = parse(read(body));
        return json == null ? JsonNodeFactory.instance.objectNode() : json;
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ApiException.payloadTooLarge(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body could not be read");
        }
    }

    /** The tree, or null for an empty (or blank) body. */
    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode json = mapper.readTree(bytes);
            return json == null || json.isMissingNode() ? null : json;
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson("The request body is not valid JSON: " + reason(e));
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body is not valid JSON");
        }
    }

    private static String reason(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage());
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
