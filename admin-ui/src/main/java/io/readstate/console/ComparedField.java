package io.readstate.console;

import java.util.Objects;

/**
 * One value of a {@link Lookup} as each store holds it: a number, a boolean, an instant
 * (to the millisecond) or null where the store has no such channel or member.
 */
public record ComparedField(String label, Object redis, Object postgres) {

    public boolean differs() {
        return !Objects.equals(redis, postgres);
    }
}
