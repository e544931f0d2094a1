package io.readstate.app.errors;

import io.readstate.app.api.ApiException;
import io.readstate.domain.port.StoreUnavailable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A backing store is down: 503 {@code unavailable}, so that the caller retries. */
public final class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailable> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);

    @Override
    public Response toResponse(StoreUnavailable exception) {
        LOG.warn("Answering 503: {}", exception.getMessage());
        return Response.fromResponse(ApiException.unavailable().toResponse()).header(HttpHeaders.RETRY_AFTER, 1).build();
    }
}
