package io.readstate.bench.measure;

import io.readstate.bench.peer.CounterTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bulk upsert rate of the machine's PostgreSQL: {@code INSERT ... SELECT FROM
 * unnest(...) ON CONFLICT DO UPDATE} of 10,000 rows per transaction, over 100,000 keys
 * (so inserts first, then updates), for a fixed time.
 */
public final class PostgresCeiling {

    private static final int ROWS_PER_TRANSACTION = 10_000;
    private static final int KEYS = 100_000;

    /** Rows upserted per second and transactions per second. */
    public record Rate(double rowsPerSecond, double commitsPerSecond) {
    }

    private PostgresCeiling() {
    }

    public static Rate measure(Connection connection, Duration duration) throws SQLException {
        CounterTable.create(connection, "ceiling_rows");
        connection.setAutoCommit(false);
        long rows = 0;
        long commits = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long batch = 0; System.nanoTime() < end; batch++) {
            List<CounterTable.Row> page = new ArrayList<>(ROWS_PER_TRANSACTION);
            for (int i = 0; i < ROWS_PER_TRANSACTION; i++) {
                long key = (batch * ROWS_PER_TRANSACTION + i) % KEYS;
                page.add(new CounterTable.Row("c" + key / 100, "u" + key % 100, batch, i));
            }
            CounterTable.upsertInto(connection, "ceiling_rows", page);
            connection.commit();
            rows += page.size();
            commits++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        connection.setAutoCommit(true);
        return new Rate(rows / seconds, commits / seconds);
    }
}
