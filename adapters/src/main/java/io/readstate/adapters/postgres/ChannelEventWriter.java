package io.readstate.adapters.postgres;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Applies a list of events, in order, inside the caller's transaction. A list that
 * touches several channels first locks the existing ones in one order, so that two
 * lists naming the same channels in different orders wait for each other rather than deadlock.
 */
final class ChannelEventWriter {

    private final ChannelRowsDao channels;
    private final MessageWrites messages;
    private final MembershipWrites memberships;

    ChannelEventWriter(Handle handle, int windowSize) {
        this.channels = handle.attach(ChannelRowsDao.class);
        this.messages = new MessageWrites(handle, windowSize);
        this.memberships = new MembershipWrites(handle);
    }

    List<Outcome> applyAll(List<ChannelEvent> events) {
        String[] touched = events.stream().map(ChannelEvent::channelId).map(ChannelId::value).distinct()
                .toArray(String[]::new);
        if (touched.length > 1) {
            channels.lockInOrder(touched);
        }
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (ChannelEvent event : events) {
            outcomes.add(apply(event));
        }
        return outcomes;
    }

    private Outcome apply(ChannelEvent event) {
        if (event instanceof MessagePosted m) {
            return messages.post(m);
        } else if (event instanceof ChannelRead r) {
            return memberships.read(r);
        } else if (event instanceof MemberJoined j) {
            return memberships.join(j);
        } else if (event instanceof MembersJoined j) {
            return memberships.joinAll(j);
        } else if (event instanceof MemberLeft l) {
            return memberships.leave(l);
        } else if (event instanceof MessageDeleted d) {
            return messages.delete(d);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }
}
