package io.readstate.domain.model;

/** A message's position in its channel: an integer from 1 to 2^63-1, assigned by the chat service. */
public final class Seq {

    /** The read position of a member who has read nothing, and the head of an empty channel. */
    public static final long NONE = 0;

    private Seq() {
    }

    public static long requireValid(String field, long seq) {
        if (seq < 1) {
            throw InvalidInput.of(field, "must be an integer from 1 to 9223372036854775807");
        }
        return seq;
    }

    /** A read position: 0 (nothing read) or a valid seq. */
    public static long requireReadPosition(String field, long position) {
        if (position < 0) {
            throw InvalidInput.of(field, "must be an integer from 0 to 9223372036854775807");
        }
        return position;
    }
}
