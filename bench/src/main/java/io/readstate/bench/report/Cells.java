package io.readstate.bench.report;

import io.readstate.bench.load.Latency;
import io.readstate.bench.load.RateSearch;
import io.readstate.bench.measure.Loss;
import io.readstate.bench.measure.Memory;
import io.readstate.bench.measure.Rebuild;
import io.readstate.bench.run.TransportFigures;
import java.util.Locale;
import java.util.Optional;

/** How each figure reads in a table cell. */
final class Cells {

    static final String NOT_MEASURED = "—";

    private Cells() {
    }

    static String number(double value) {
        return Double.isNaN(value) ? NOT_MEASURED : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String decimal(double value) {
        return Double.isNaN(value) ? NOT_MEASURED : String.format(Locale.ROOT, "%,.1f", value);
    }

    static String maxRate(TransportFigures figures) {
        return maxRate(figures.search());
    }

    static String maxRate(RateSearch.Outcome search) {
        String strict = search.maxSustained() > 0 ? "**" + number(search.maxSustained()) + "**"
                : rate(0, search.firstFailed());
        return strict + " (" + rate(search.capacity(), search.capacityFailed()) + ")";
    }

    /** The highest rate held under a limit, or, when none was, the lowest rate tried (which missed it). */
    static String rate(double held, double lowestMissed) {
        return held > 0 ? number(held) : "none ≥ " + number(lowestMissed) + "/s";
    }

    static String latency(TransportFigures figures) {
        Latency latency = figures.halfRate().latency();
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms (at %s/s)", latency.p50(), latency.p99(), latency.p999(),
                number(figures.halfRate().targetRate()));
    }

    static String rows(TransportFigures figures, boolean usesPostgres) {
        return usesPostgres ? decimal(figures.db().rowsPer1000()) + atRate(figures) : "0 (none used)";
    }

    static String commits(TransportFigures figures, boolean usesPostgres) {
        return usesPostgres ? decimal(figures.db().commitsPer1000()) + atRate(figures) : "0 (none used)";
    }

    private static String atRate(TransportFigures figures) {
        return " (at " + number(figures.dbRun().targetRate()) + "/s)";
    }

    static String perMember(Optional<Memory> memory) {
        return memory.map(m -> number(m.bytesPerMember())).orElse(NOT_MEASURED);
    }

    /** A message that adds nothing can measure slightly below zero (allocator noise): shown as about 0. */
    static String perMessage(Optional<Memory> memory) {
        return memory.map(m -> m.bytesPerMessage() < 0 ? "≈ 0 (measured " + number(m.bytesPerMessage()) + ")"
                : number(m.bytesPerMessage())).orElse(NOT_MEASURED);
    }

    static String loss(Optional<Loss> loss) {
        if (loss.isEmpty()) {
            return NOT_MEASURED;
        }
        Loss l = loss.get();
        String lost = String.format(Locale.ROOT, "%s of %s (%s ms of load at %s/s)", number(l.lost()), number(l.acked()),
                number(l.lostMillisOfLoad()), number(l.rate()));
        if (l.checkpointAgeMillis() < 0) {
            return lost + "; no checkpoint to rebuild from";
        }
        return lost + String.format(Locale.ROOT, "; the service reported a checkpoint %s ms old: %s events after it%s",
                number(l.checkpointAgeMillis()), range(l.sentAfterCheckpoint(), l.ackedAfterCheckpoint()),
                l.matchesReport() ? " (matches)" : " (**differs**)");
    }

    private static String range(long least, long most) {
        return least == most ? number(least) : number(least) + " to " + number(most);
    }

    static String rebuild(Optional<Rebuild> rebuild) {
        return rebuild.map(r -> String.format(Locale.ROOT, "%.1f s for %s memberships", r.millis() / 1000.0,
                number(r.memberships()))).orElse(NOT_MEASURED);
    }
}
