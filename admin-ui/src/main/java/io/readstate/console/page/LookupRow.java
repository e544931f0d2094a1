package io.readstate.console.page;

import io.readstate.console.ComparedField;
import java.time.Instant;

/**
 * One line of the side-by-side lookup table: the value each store holds, written for people.
 * A store that could not be asked shows "unknown", and nothing is marked as differing.
 */
public record LookupRow(String label, String redis, String postgres, boolean differs) {

    static final String UNKNOWN = "unknown";

    public static LookupRow of(ComparedField field, boolean redisAnswered, boolean postgresAnswered) {
        return new LookupRow(field.label(), redisAnswered ? text(field.redis()) : UNKNOWN,
                postgresAnswered ? text(field.postgres()) : UNKNOWN,
                redisAnswered && postgresAnswered && field.differs());
    }

    private static String text(Object value) {
        if (value == null) {
            return DisplayFormat.NONE;
        }
        if (value instanceof Boolean known) {
            return known ? "yes" : "no";
        }
        if (value instanceof Long number) {
            return DisplayFormat.count(number);
        }
        if (value instanceof Instant at) {
            return DisplayFormat.exact(at);
        }
        return value.toString();
    }
}
