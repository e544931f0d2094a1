package io.readstate.app.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Refuses a body announced as larger than the limit (413) before it is read, right
 * after authentication. Bodies without a length are capped as they are read ({@link RequestBodies}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
public final class RequestSizeLimit implements ContainerRequestFilter {

    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (announcedLength(request) > maxBytes) {
            request.abortWith(ApiException.payloadTooLarge(maxBytes).toResponse());
        }
    }

    private static long announcedLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }
}
