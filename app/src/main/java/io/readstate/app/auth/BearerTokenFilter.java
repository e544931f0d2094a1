package io.readstate.app.auth;

import io.readstate.app.api.ApiException;
import io.readstate.app.api.RequestBodies;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Every request to the API needs {@code Authorization: Bearer <token>} with a known
 * token; else 401 {@code unauthorized}. It runs before anything else looks at the
 * request, its path or its body.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"readstate\"";
    private static final String SCHEME = "bearer ";

    private final ApiTokens tokens;

    public BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            refuse(request, "Send Authorization: Bearer <token>");
        } else if (!tokens.accepts(header.substring(SCHEME.length()).trim())) {
            refuse(request, "The bearer token is not valid");
        }
    }

    private static void refuse(ContainerRequestContext request, String message) {
        discardBody(request);
        Response answer = ApiException.unauthorized(message).toResponse();
        request.abortWith(Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
    }

    /**
     * Reads and drops a body of at most the API's limit, so that a client still sending
     * it gets the 401 rather than a closed connection; a larger body is left unread.
     */
    private static void discardBody(ContainerRequestContext request) {
        byte[] buffer = new byte[8192];
        long left = RequestBodies.MAX_BYTES;
        try (InputStream body = request.getEntityStream()) {
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException e) {
            // the client went away; the answer is the same
        }
    }
}
