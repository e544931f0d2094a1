package io.readstate.bench.measure;

/**
 * PostgreSQL's work per 1,000 events over a window of steady load: rows inserted,
 * updated or deleted and transactions committed in the database, from pg_stat_database.
 */
public record DbLoad(long events, long rows, long commits) {

    public double rowsPer1000() {
        return events == 0 ? Double.NaN : rows * 1000.0 / events;
    }

    public double commitsPer1000() {
        return events == 0 ? Double.NaN : commits * 1000.0 / events;
    }
}
