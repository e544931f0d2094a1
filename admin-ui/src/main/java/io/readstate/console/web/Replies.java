package io.readstate.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a whole response body at once, with its status and content type. */
final class Replies {

    static final String HTML = "text/html;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";
    static final int UNPROCESSABLE = 422;

    private Replies() {
    }

    static void send(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        send(response, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void plain(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, "text/plain;charset=UTF-8", message + "\n");
    }
}
