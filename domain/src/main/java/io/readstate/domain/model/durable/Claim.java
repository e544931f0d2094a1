package io.readstate.domain.model.durable;

import io.readstate.domain.model.ChannelId;
import java.util.List;

/**
 * The dirty channels a flusher claimed. {@code complete} when they are every channel
 * that was dirty when the claim began: none left out for lack of room, none held by
 * another flusher's live lease. A flush of a complete claim, once committed, makes
 * every change acknowledged before the claim began durable.
 */
public record Claim(List<ChannelId> channels, boolean complete) {

    public Claim {
        channels = List.copyOf(channels);
    }
}
