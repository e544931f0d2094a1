package io.readstate.app.errors;

import io.readstate.app.api.ApiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other mapper answers: 500 {@code internal_error}. The log has the stack
 * trace under a reference that the answer names; the answer has nothing internal.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String reference = String.format("%016x", ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected failure, reference {}", reference, exception);
        return new ApiException(500, "internal_error",
                "The server failed unexpectedly (reference " + reference + ")", List.of()).toResponse();
    }
}
