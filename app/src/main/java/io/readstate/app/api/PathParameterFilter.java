package io.readstate.app.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses a path holding ';' (422, see {@link ApiException#invalidPath}), right after
 * authentication and before the path is matched: JAX-RS takes what follows a ';' in a segment
 * for matrix parameters and leaves it out of the path parameter, so that
 * {@code PUT /v1/channels/c/members/a;b} would join user {@code a}. No id holds a ';', and
 * no endpoint takes matrix parameters.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 50)
public final class PathParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path != null && path.indexOf(';') >= 0) {
            request.abortWith(ApiException.invalidPath("a segment holds ';'").toResponse());
        }
    }
}
