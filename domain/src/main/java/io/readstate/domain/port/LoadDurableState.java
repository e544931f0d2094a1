package io.readstate.domain.port;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.model.durable.Checkpoint;
import java.util.List;
import java.util.Optional;

/** Reads whole channels back from the durable store, to rebuild the hot store. */
public interface LoadDurableState {

    Optional<ChannelImage> load(ChannelId channelId);

    /** Channel ids in id order after {@code after} (all when empty), at most {@code limit}. */
    List<ChannelId> channelIds(Optional<ChannelId> after, int limit);

    long channelCount();

    /** The channels the user is a member of, in the durable store. */
    List<ChannelId> channelsOf(UserId userId);

    /** The durable store's last checkpoint (empty before the first). */
    Optional<Checkpoint> lastCheckpoint();
}
