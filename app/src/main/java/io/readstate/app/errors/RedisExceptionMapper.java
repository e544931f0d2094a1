package io.readstate.app.errors;

import io.readstate.app.api.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Redis failed outside the store adapter (a timeout, a lost connection): 503 {@code unavailable}. */
public final class RedisExceptionMapper implements ExceptionMapper<RedisException> {

    private static final Logger LOG = LoggerFactory.getLogger(RedisExceptionMapper.class);

    @Override
    public Response toResponse(RedisException exception) {
        LOG.warn("Answering 503, Redis failed: {}", exception.getMessage());
        return Response.fromResponse(ApiException.unavailable().toResponse()).header(HttpHeaders.RETRY_AFTER, 1).build();
    }
}
