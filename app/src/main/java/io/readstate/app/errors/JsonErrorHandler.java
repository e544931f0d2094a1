package io.readstate.app.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.app.api.ErrorResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a URI it refuses, headers too large, ...) in the error shape
 * of the API on the application port; the admin port keeps Jetty's pages.
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
        String told = code >= 500 || message == null ? "The request could not be served" : message;
        byte[] body = JSON.writeValueAsBytes(new ErrorResponse(ErrorCodes.of(code), told, List.of()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
