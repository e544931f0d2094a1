package io.readstate.console.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a POST to the console says about where it came from: the token in its form, its
 * {@code Origin} and {@code Referer} headers (null when absent), the {@code Host} it was sent
 * to and the scheme it came over.
 */
public record FormSubmission(String token, String origin, String referer, String host, String scheme) {

    public static FormSubmission from(HttpServletRequest request) {
        return new FormSubmission(request.getParameter(CsrfGuard.FIELD), request.getHeader("Origin"),
                request.getHeader("Referer"), request.getHeader("Host"), request.getScheme());
    }
}
