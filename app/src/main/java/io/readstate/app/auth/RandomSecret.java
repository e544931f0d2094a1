package io.readstate.app.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** A secret made for one run when none is configured: 32 random bytes, URL-safe base64. */
public final class RandomSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
