package io.readstate.app.errors;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/** The error code the API gives a status it answers without a more precise one. */
final class ErrorCodes {

    private static final Map<Integer, String> KNOWN = Map.of(
            400, "bad_request",
            401, "unauthorized",
            404, "not_found",
            405, "method_not_allowed",
            413, "payload_too_large",
            422, "validation_failed",
            500, "internal_error",
            503, "unavailable");

    private ErrorCodes() {
    }

    static String of(int status) {
        String known = KNOWN.get(status);
        if (known != null) {
            return known;
        }
        Response.Status standard = Response.Status.fromStatusCode(status);
        if (standard == null) {
            return status >= 500 ? "internal_error" : "bad_request";
        }
        return standard.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
