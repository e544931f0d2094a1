package io.readstate.domain.model;

import java.util.List;

/**
 * Who has read message {@code seq}: {@code readCount} of {@code memberCount} members,
 * one page of them in {@code readBy} (sorted by user id); {@code next} is the cursor of
 * the following page, or null on the last one.
 */
public record Receipts(ChannelId channelId, long seq, long readCount, long memberCount,
                       List<UserId> readBy, UserId next) {

    public Receipts {
        readBy = List.copyOf(readBy);
    }
}
