package io.readstate.console.page;

import io.readstate.console.ConsoleSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One event type's rate, with its share of the busiest type (0 to 100) for a bar. */
public record EventRate(String type, double perSecond, String text, int share) {

    public static List<EventRate> of(ConsoleSnapshot snapshot) {
        Map<String, Double> rates = snapshot.eventsPerSecond();
        double busiest = rates.values().stream().filter(EventRate::isRate).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        List<EventRate> list = new ArrayList<>();
        rates.forEach((type, rate) -> {
            int share = busiest > 0 && isRate(rate) ? (int) Math.round(100 * rate / busiest) : 0;
            String text = isRate(rate) ? DisplayFormat.decimal(rate) + "/s" : DisplayFormat.NONE;
            list.add(new EventRate(type, rate, text, share));
        });
        return List.copyOf(list);
    }

    /** The sum of the known rates. */
    public static double total(ConsoleSnapshot snapshot) {
        return snapshot.eventsPerSecond().values().stream().filter(EventRate::isRate)
                .mapToDouble(Double::doubleValue).sum();
    }

    private static boolean isRate(Double rate) {
        return rate != null && !rate.isNaN() && !rate.isInfinite() && rate >= 0;
    }
}
