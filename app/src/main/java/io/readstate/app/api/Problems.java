package io.readstate.app.api;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.Problem;
import io.readstate.domain.model.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found in one request so far, so that a caller hears of all of them at
 * once. Values that fail their check come back as null; {@link #throwIfAny()} ends the
 * reading.
 */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void add(String field, String problem) {
        found.add(new Problem(field, problem));
    }

    /** The value built, or null with its problems noted when the domain rejects it. */
    public <T> T check(Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInput e) {
            found.addAll(e.problems());
            return null;
        }
    }

    public ChannelId channelId(String value) {
        return check(() -> ChannelId.of(value));
    }

    public UserId userId(String field, String value) {
        return check(() -> UserId.of(field, value));
    }

    public boolean any() {
        return !found.isEmpty();
    }

    public void throwIfAny() {
        if (any()) {
            throw new InvalidInput(found);
        }
    }
}
