package io.readstate.app.errors;

import io.readstate.app.api.ApiException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * The errors Jersey raises itself (no such path, a method the path does not take, ...):
 * their status, in the error shape of the API.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response answer = new ApiException(status, ErrorCodes.of(status), message(exception, original), List.of())
                .toResponse();
        if (exception instanceof NotAllowedException) {
            return Response.fromResponse(answer).header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return answer;
    }

    private static String message(WebApplicationException exception, Response original) {
        if (exception instanceof NotFoundException) {
            return "There is nothing at this path";
        }
        if (exception instanceof NotAllowedException) {
            return "This path does not take this method; it takes " + original.getHeaderString(HttpHeaders.ALLOW);
        }
        return original.getStatusInfo().getReasonPhrase();
    }
}
