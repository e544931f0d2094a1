package io.readstate.domain.port;

import io.readstate.domain.model.durable.ChannelImage;

/** Replaces a channel in the hot store with its durable image. */
public interface RestoreHotState {

    /**
     * Restores the channel unless it holds changes not yet written to the durable store
     * (restoring would lose them); returns whether it did.
     */
    boolean restore(ChannelImage image);
}
