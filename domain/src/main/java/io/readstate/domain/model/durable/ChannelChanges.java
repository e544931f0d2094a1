package io.readstate.domain.model.durable;

import io.readstate.domain.model.ChannelId;
import java.util.List;

/**
 * What changed in one channel since its last checkpoint, coalesced: the channel's
 * fields now, the current state of every member that changed (or its departure), the
 * new messages still in the window and the messages deleted. {@code entries} counts the
 * dirty entries this covers; {@code complete} is false when the take left some of the
 * channel's entries for a later one (it had too many for one batch).
 */
public record ChannelChanges(ChannelId channelId, ChannelHead head, List<MemberRecord> members,
                             List<MessageRecord> newMessages, List<Long> deletedSeqs, long entries,
                             boolean complete) {

    public ChannelChanges {
        members = List.copyOf(members);
        newMessages = List.copyOf(newMessages);
        deletedSeqs = List.copyOf(deletedSeqs);
    }
}
