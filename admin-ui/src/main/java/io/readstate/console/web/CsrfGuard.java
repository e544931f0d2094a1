package io.readstate.console.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps other sites from making the operator's browser post to the console. A form is
 * accepted only when it carries the console's token (derived from a secret that never
 * leaves the server) and, when the browser says where the request came from
 * ({@code Origin}, else {@code Referer}), that place is the console's own host.
 */
public final class CsrfGuard {

    /** The name of the hidden form field that carries the token. */
    public static final String FIELD = "csrf";

    private final String token;

    public CsrfGuard(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the console needs a non-blank CSRF secret");
        }
        this.token = derive(secret);
    }

    /** The token the page puts in its forms. */
    public String token() {
        return token;
    }

    /** Why the submission must be refused, or empty when it may go ahead. */
    public Optional<String> rejectionOf(FormSubmission submission) {
        if (submission.token() == null || submission.token().isEmpty()) {
            return Optional.of("the form carries no console token");
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                submission.token().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the form's console token is wrong (reload the console)");
        }
        if (submission.origin() != null) {
            return sameHost(submission.origin(), submission) ? Optional.empty()
                    : Optional.of("the request comes from another origin");
        }
        if (submission.referer() != null && !sameHost(submission.referer(), submission)) {
            return Optional.of("the request comes from another page's site");
        }
        return Optional.empty();
    }

    private static boolean sameHost(String url, FormSubmission submission) {
        if (submission.host() == null) {
            return false;
        }
        try {
            URI from = new URI(url);
            URI to = new URI(submission.scheme() + "://" + submission.host());
            return from.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost())
                    && portOf(from) == portOf(to);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String derive(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal("readstate-console-form".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
