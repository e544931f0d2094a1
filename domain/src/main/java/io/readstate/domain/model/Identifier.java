package io.readstate.domain.model;

/** The rule shared by channel and user ids: 1 to 64 characters from {@code A-Z a-z 0-9 _ . : @ -}. */
final class Identifier {

    static final int MAX_LENGTH = 64;

    private Identifier() {
    }

    static String requireValid(String field, String value) {
        if (value == null) {
            throw InvalidInput.of(field, "is required");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw InvalidInput.of(field, "must be 1 to 64 characters long");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isAllowed(value.charAt(i))) {
                throw InvalidInput.of(field, "may contain only A-Z a-z 0-9 _ . : @ -");
            }
        }
        return value;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == ':' || c == '@' || c == '-';
    }
}
