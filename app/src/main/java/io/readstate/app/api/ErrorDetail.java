package io.readstate.app.api;

import io.readstate.domain.model.Problem;

/** One entry of an error's {@code details}: the field concerned and what is wrong with it. */
public record ErrorDetail(String field, String problem) {

    public static ErrorDetail of(Problem problem) {
        return new ErrorDetail(problem.field(), problem.problem());
    }
}
