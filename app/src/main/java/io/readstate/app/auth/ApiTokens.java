package io.readstate.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The bearer tokens that may call the API. Only their SHA-256 digests are kept, and a
 * token is compared with every one of them in constant time.
 */
public final class ApiTokens {

    private final List<byte[]> digests;

    public ApiTokens(List<String> tokens) {
        this.digests = tokens.stream().map(ApiTokens::digest).toList();
    }

    public boolean accepts(String token) {
        byte[] presented = digest(token);
        boolean accepted = false;
        for (byte[] known : digests) {
            accepted |= MessageDigest.isEqual(known, presented);
        }
        return accepted;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
