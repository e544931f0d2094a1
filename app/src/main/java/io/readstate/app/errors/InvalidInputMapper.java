package io.readstate.app.errors;

import io.readstate.app.api.ApiException;
import io.readstate.domain.model.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Input the domain rejects: 422 {@code validation_failed}, every problem in the details. */
public final class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput exception) {
        return ApiException.invalid(exception).toResponse();
    }
}
