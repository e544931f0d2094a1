package io.readstate.domain.port;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/** Reads the current read state. Throws {@link StoreUnavailable} when the store cannot be reached. */
public interface LoadReadState {

    /** The channel, or empty when it has never been seen. */
    Optional<ChannelSummary> channel(ChannelId channelId);

    /** The member's state, or empty when the user is not a member. */
    Optional<MemberState> member(ChannelId channelId, UserId userId);

    /** Every membership of the user, in no particular order. */
    List<MemberState> memberships(UserId userId);

    /** The members whose read position is at or past {@code seq}, or empty when the channel is unknown. */
    Optional<Readers> readers(ChannelId channelId, long seq);
}
