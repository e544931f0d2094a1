package io.readstate.domain.model;

/** A user, as the chat service names it. */
public record UserId(String value) implements Comparable<UserId> {

    public UserId {
        Identifier.requireValid("userId", value);
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    /** The same rule, reporting the given field name (for lists such as {@code mentions[3]}). */
    public static UserId of(String field, String value) {
        return new UserId(Identifier.requireValid(field, value));
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
