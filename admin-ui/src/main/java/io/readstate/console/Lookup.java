package io.readstate.console;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel (and optionally one member) as Redis and PostgreSQL each hold it.
 * {@code pendingFlush} says the channel has changes in the backlog, not yet written to
 * PostgreSQL, so that a difference between the two is expected for now.
 */
public record Lookup(ChannelId channel, Optional<UserId> user, StoreReading redis, StoreReading postgres,
                     boolean pendingFlush) {

    public Lookup {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(postgres, "postgres");
    }
}
