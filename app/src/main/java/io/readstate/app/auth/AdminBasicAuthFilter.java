package io.readstate.app.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP basic auth for the console and the tasks on the admin port. */
public final class AdminBasicAuthFilter implements Filter {

    private final byte[] expected;

    public AdminBasicAuthFilter(AdminCredentials credentials) {
        this.expected = ("Basic " + Base64.getEncoder().encodeToString(
                (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = ((HttpServletRequest) request).getHeader("Authorization");
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        http.setHeader("WWW-Authenticate", "Basic realm=\"readstate-admin\", charset=\"UTF-8\"");
        http.setContentType("application/json");
        http.getWriter().write("{\"code\":\"unauthorized\",\"message\":\"admin credentials required\",\"details\":[]}");
    }
}
