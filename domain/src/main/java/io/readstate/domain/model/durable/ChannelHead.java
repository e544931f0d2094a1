package io.readstate.domain.model.durable;

import java.time.Instant;

/**
 * A channel's own fields as the durable store keeps them: the head, the time of the
 * message that set it (null before any), the window's floor (the highest seq trimmed out
 * of it), the messages in the window, and the last membership generation handed out.
 */
public record ChannelHead(long headSeq, Instant lastMessageAt, long windowFloor, long windowCount, long generation) {
}
