package io.readstate.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of one item of a batch: {@code {"index", "status", "applied"}} when it was
 * recorded, {@code {"index", "status", "code", "message"}} when it was not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(int index, int status, Boolean applied, String code, String message) {

    public static EventResult recorded(int index, int status, boolean applied) {
        return new EventResult(index, status, applied, null, null);
    }

    public static EventResult rejected(int index, ApiException rejection) {
        return new EventResult(index, rejection.status(), null, rejection.code(), rejection.getMessage());
    }
}
