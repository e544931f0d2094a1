package io.readstate.bench.peer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The peer's write-behind, as simple as the seed draws it: every interval it takes the
 * channels that changed, reads all their members' counters, and upserts them into
 * PostgreSQL in one transaction (rows of 10,000 per statement).
 */
public final class CounterFlusher implements AutoCloseable {

    private static final int TAKE = 500;
    private static final int CHANNELS_PER_READ = 4;
    private static final int ROWS_PER_STATEMENT = 10_000;

    private final RedissonClient redisson;
    private final Connection connection;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "peer-flusher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastError;

    public CounterFlusher(RedissonClient redisson, Connection connection, Duration interval) throws SQLException {
        this.redisson = redisson;
        this.connection = connection;
        connection.setAutoCommit(false);
        CounterTable.create(connection);
        connection.commit();
        scheduler.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes every changed channel now (on the flusher's thread); answers the rows written. */
    public long flushNow() {
        try {
            return scheduler.submit(this::flush).get();
        } catch (Exception e) {
            throw new IllegalStateException("the peer's flush failed", e);
        }
    }

    public String lastError() {
        return lastError;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (Exception e) {
            lastError = e.toString();
        }
    }

    private long flush() throws SQLException {
        long rows = 0;
        List<String> channels;
        do {
            channels = new ArrayList<>(redisson.<String>getSet(CounterKeys.DIRTY, StringCodec.INSTANCE).removeRandom(TAKE));
            rows += write(read(channels));
        } while (channels.size() == TAKE);
        return rows;
    }

    /**
     * The changed channels' counters, {@link #CHANNELS_PER_READ} channels per pipelined batch:
     * Redisson decodes a batch's replies again from the first each time more of them arrive, so
     * one batch of 500 channels of 1,000 members kept the client's I/O thread (shared with the
     * peer's messages) busy for long enough to put over 100 ms on their p99.
     */
    private List<CounterTable.Row> read(List<String> channels) {
        List<CounterTable.Row> rows = new ArrayList<>();
        for (int from = 0; from < channels.size(); from += CHANNELS_PER_READ) {
            rows.addAll(readBatch(channels.subList(from, Math.min(channels.size(), from + CHANNELS_PER_READ))));
        }
        return rows;
    }

    private List<CounterTable.Row> readBatch(List<String> channels) {
        RBatch batch = redisson.createBatch();
        List<RFuture<Map<String, String>>> unread = new ArrayList<>();
        List<RFuture<Map<String, String>>> mentions = new ArrayList<>();
        for (String channel : channels) {
            unread.add(batch.<String, String>getMap(CounterKeys.unread(channel), StringCodec.INSTANCE).readAllMapAsync());
            mentions.add(batch.<String, String>getMap(CounterKeys.mentions(channel), StringCodec.INSTANCE).readAllMapAsync());
        }
        batch.execute();
        List<CounterTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Map<String, String> mentionsOf = mentions.get(i).toCompletableFuture().join();
            for (Map.Entry<String, String> member : unread.get(i).toCompletableFuture().join().entrySet()) {
                rows.add(new CounterTable.Row(channels.get(i), member.getKey(), Long.parseLong(member.getValue()),
                        Long.parseLong(mentionsOf.getOrDefault(member.getKey(), "0"))));
            }
        }
        return rows;
    }

    private long write(List<CounterTable.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                CounterTable.upsert(connection, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
            }
            connection.commit();
            return rows.size();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Stops flushing and closes the connection (which makes PostgreSQL report its statistics at once). */
    @Override
    public void close() throws SQLException {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
