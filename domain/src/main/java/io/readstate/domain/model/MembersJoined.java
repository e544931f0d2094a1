package io.readstate.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Many users joined the channel at once, each reading from the channel's head. */
public record MembersJoined(ChannelId channelId, List<UserId> userIds, Instant joinedAt) implements ChannelEvent {

    /** The most users one bulk join may name. */
    public static final int MAX_USERS = 10_000;

    public MembersJoined {
        Objects.requireNonNull(channelId, "channelId");
        if (userIds == null || userIds.isEmpty() || userIds.size() > MAX_USERS) {
            throw InvalidInput.of("userIds", "must name 1 to " + MAX_USERS + " users");
        }
        userIds = List.copyOf(userIds);
        joinedAt = ChannelEvent.toMillis(joinedAt);
    }

    @Override
    public MembersJoined stampedAt(Instant now) {
        return joinedAt != null ? this : new MembersJoined(channelId, userIds, now);
    }
}
