package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.port.RecordChannelEvents;
import io.readstate.domain.port.StoreUnavailable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mode write-through (the seed's Pattern A): events are committed to the durable
 * store first, and only then applied to the hot store that serves reads. A failed commit
 * changes nothing. When the hot store fails after the commit, or answers differently
 * from the durable store, its channels are rebuilt from the durable store before any
 * further event is taken.
 */
public final class WriteThrough implements RecordChannelEvents {

    private final RecordChannelEvents durable;
    private final RecordChannelEvents hot;
    private final RehydrateChannels rehydrate;
    private final Set<ChannelId> stale = ConcurrentHashMap.newKeySet();

    public WriteThrough(RecordChannelEvents durable, RecordChannelEvents hot, RehydrateChannels rehydrate) {
        this.durable = durable;
        this.hot = hot;
        this.rehydrate = rehydrate;
    }

    @Override
    public List<Outcome> record(List<ChannelEvent> events) {
        rebuildStaleChannels();
        List<Outcome> committed = durable.record(events);
        try {
            if (!hot.record(events).equals(committed)) {
                markStale(events);
                rebuildStaleChannels();
            }
        } catch (StoreUnavailable e) {
            markStale(events);
            throw e;
        }
        return committed;
    }

    /** Channels whose hot state is waiting to be rebuilt. */
    public Set<ChannelId> staleChannels() {
        return Set.copyOf(stale);
    }

    private void markStale(List<ChannelEvent> events) {
        Set<ChannelId> channels = new LinkedHashSet<>();
        events.forEach(event -> channels.add(event.channelId()));
        stale.addAll(channels);
    }

    private void rebuildStaleChannels() {
        for (ChannelId channel : List.copyOf(stale)) {
            rehydrate.rehydrate(channel);
            stale.remove(channel);
        }
    }
}
