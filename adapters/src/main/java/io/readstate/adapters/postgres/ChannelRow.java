package io.readstate.adapters.postgres;

/**
 * A locked {@code channels} row: the head and the window of one channel, and its last
 * membership generation. Public only for JDBI's constructor mapper.
 */
public record ChannelRow(long headSeq, long windowFloor, int windowCount, long generation) {
}
