package io.readstate.app.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.app.api.ApiException;
import io.readstate.app.api.ErrorResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a URI it refuses, headers too large, ...) in the error shape
 * of the API on the application port; the admin port keeps Jetty's pages. A path Jetty
 * refuses as ambiguous or suspicious (an encoded '/' or '%', an empty segment...) cannot
 * name the API's ids, and is answered as an invalid id is: 422 {@code validation_failed}.
 */
public final class JsonErrorHandler extends ErrorHandler {

    /** The name Dropwizard gives the admin port's connector. */
    private static final String ADMIN_CONNECTOR = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every method gets the error body (Jetty writes one only for GET, POST and HEAD). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (ADMIN_CONNECTOR.equals(request.getConnectionMetaData().getConnector().getName())) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        ErrorResponse error;
        if (code == HttpStatus.BAD_REQUEST_400 && request.getHttpURI().hasViolations()) {
            error = ApiException.invalidPath(describe(request.getHttpURI().getViolations(), message)).body();
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY_422);
        } else {
            String told = code >= 500 || message == null ? "The request could not be served" : message;
            error = new ErrorResponse(ErrorCodes.of(code), told, List.of());
        }
        byte[] body = JSON.writeValueAsBytes(error);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** What Jetty found wrong with a path: its first violation (an encoded '/', an empty segment...). */
    private static String describe(Collection<UriCompliance.Violation> violations, String message) {
        return violations.stream().findFirst().map(UriCompliance.Violation::getDescription)
                .orElse(message == null ? "a path the server refuses" : message);
    }
}
