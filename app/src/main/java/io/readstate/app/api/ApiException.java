package io.readstate.app.api;

import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A request the API answers with an error: its status, its code and what to tell the caller. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient List<Problem> details;

    public ApiException(int status, String code, String message, List<Problem> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException malformedJson(String message) {
        return new ApiException(400, "malformed_json", message, List.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, List.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, List.of());
    }

    public static ApiException payloadTooLarge(long maxBytes) {
        return new ApiException(413, "payload_too_large",
                "The request body is larger than " + maxBytes + " bytes", List.of());
    }

    public static ApiException validationFailed(String message, List<Problem> details) {
        return new ApiException(422, "validation_failed", message, details);
    }

    public static ApiException invalid(InvalidInput invalid) {
        return validationFailed(invalid.getMessage(), invalid.problems());
    }

    /**
     * A path that cannot name the API's ids, {@code why}: a segment holding an encoded '/', '%'
     * or control character, an empty segment, a ';'. Ids are 1 to 64 characters from
     * {@code A-Z a-z 0-9 _ . : @ -}, so such a path names no channel or user: 422, as for any
     * invalid id.
     */
    public static ApiException invalidPath(String why) {
        return invalid(InvalidInput.of("path",
                why + "; ids in a path are 1 to 64 characters from A-Z a-z 0-9 _ . : @ -"));
    }

    public static ApiException unavailable() {
        return new ApiException(503, "unavailable",
                "A backing store is unavailable; nothing was changed, retry later", List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ErrorResponse body() {
        return new ErrorResponse(code, getMessage(), details.stream().map(ErrorDetail::of).toList());
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body()).build();
    }
}
