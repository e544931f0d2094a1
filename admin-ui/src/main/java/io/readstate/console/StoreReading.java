package io.readstate.console;

import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import java.util.Objects;
import java.util.Optional;

/**
 * What one store (Redis or PostgreSQL) answered about a channel and, when asked, a member;
 * or why it could not be asked.
 */
public record StoreReading(Optional<ChannelSummary> channel, Optional<MemberState> member, Optional<String> error) {

    public StoreReading {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(error, "error");
    }

    public static StoreReading found(Optional<ChannelSummary> channel, Optional<MemberState> member) {
        return new StoreReading(channel, member, Optional.empty());
    }

    public static StoreReading unreachable(String error) {
        return new StoreReading(Optional.empty(), Optional.empty(), Optional.of(error));
    }

    public boolean answered() {
        return error.isEmpty();
    }
}
