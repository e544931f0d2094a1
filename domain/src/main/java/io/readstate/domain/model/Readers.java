package io.readstate.domain.model;

import java.util.List;

/** Every member of a channel whose read position has reached a given seq, in no particular order. */
public record Readers(long memberCount, List<UserId> userIds) {

    public Readers {
        userIds = List.copyOf(userIds);
    }
}
