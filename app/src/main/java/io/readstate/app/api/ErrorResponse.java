package io.readstate.app.api;

import java.util.List;

/** The one shape of every error answer: {@code {"code", "message", "details": [...]}}. */
public record ErrorResponse(String code, String message, List<ErrorDetail> details) {

    public ErrorResponse {
        details = List.copyOf(details);
    }
}
