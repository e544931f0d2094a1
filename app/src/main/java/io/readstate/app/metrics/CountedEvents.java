package io.readstate.app.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.port.RecordChannelEvents;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the events recorded, in all and by type ({@code readstate.events.<type>}), and passes them on. */
public final class CountedEvents implements RecordChannelEvents {

    private final RecordChannelEvents store;
    private final MetricRegistry metrics;
    private final Meter all;
    private final Map<Class<?>, Meter> byType = new ConcurrentHashMap<>();

    public CountedEvents(RecordChannelEvents store, MetricRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
        this.all = metrics.meter("readstate.events");
    }

    @Override
    public List<Outcome> record(List<ChannelEvent> events) {
        return counted(events, store.record(events));
    }

    @Override
    public List<Outcome> recordBriefly(List<ChannelEvent> events) {
        return counted(events, store.recordBriefly(events));
    }

    private List<Outcome> counted(List<ChannelEvent> events, List<Outcome> outcomes) {
        all.mark(events.size());
        for (ChannelEvent event : events) {
            byType.computeIfAbsent(event.getClass(), type -> metrics.meter(
                    "readstate.events." + type.getSimpleName().toLowerCase(Locale.ROOT))).mark();
        }
        return outcomes;
    }

    public long total() {
        return all.getCount();
    }
}
