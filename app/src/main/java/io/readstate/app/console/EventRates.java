package io.readstate.app.console;

import com.codahale.metrics.MetricRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rates read off the service's metrics for the console: events by type, flushes, coalescing. */
final class EventRates {

    /** Event types as the console names them, and the meters that count them. */
    private static final Map<String, String> TYPES = typeMeters();

    private final MetricRegistry metrics;

    EventRates(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    Map<String, Double> perSecondByType() {
        Map<String, Double> rates = new LinkedHashMap<>();
        TYPES.forEach((label, meter) -> rates.put(label, metrics.meter(meter).getOneMinuteRate()));
        return rates;
    }

    double flushesPerMinute() {
        return metrics.timer("readstate.flush").getOneMinuteRate() * 60;
    }

    double rowsPerFlush() {
        return metrics.histogram("readstate.flush.rows").getSnapshot().getMean();
    }

    /** Events recorded per row written since start; NaN before the first row. */
    double coalescingRatio() {
        return (Double) metrics.getGauges().get("readstate.flush.coalescing-ratio").getValue();
    }

    private static Map<String, String> typeMeters() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("message", "readstate.events.messageposted");
        types.put("read", "readstate.events.channelread");
        types.put("join", "readstate.events.memberjoined");
        types.put("bulk join", "readstate.events.membersjoined");
        types.put("leave", "readstate.events.memberleft");
        types.put("delete", "readstate.events.messagedeleted");
        return types;
    }
}
