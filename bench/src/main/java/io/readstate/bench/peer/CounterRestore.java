package io.readstate.bench.peer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Rebuilds the per-member counters in Redis from PostgreSQL after Redis lost them. */
public final class CounterRestore {

    private static final int ROWS_PER_BATCH = 20_000;

    private CounterRestore() {
    }

    /** Loads every row back, channel by channel; answers the memberships restored. */
    public static long restore(Connection connection, RedissonClient redisson) throws SQLException {
        connection.setAutoCommit(false);
        long restored = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(ROWS_PER_BATCH);
            try (ResultSet rows = statement.executeQuery(
                    "SELECT channel_id, user_id, unread, mentions FROM member_counters ORDER BY channel_id")) {
                List<CounterTable.Row> page = new ArrayList<>(ROWS_PER_BATCH);
                while (rows.next()) {
                    page.add(new CounterTable.Row(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
                    if (page.size() == ROWS_PER_BATCH) {
                        restored += write(page, redisson);
                        page.clear();
                    }
                }
                restored += write(page, redisson);
            }
        } finally {
            connection.commit();
        }
        return restored;
    }

    private static long write(List<CounterTable.Row> page, RedissonClient redisson) {
        Map<String, List<CounterTable.Row>> byChannel = new HashMap<>();
        for (CounterTable.Row row : page) {
            byChannel.computeIfAbsent(row.channel(), channel -> new ArrayList<>()).add(row);
        }
        RBatch batch = redisson.createBatch();
        byChannel.forEach((channel, rows) -> {
            List<String> users = new ArrayList<>(rows.size());
            Map<String, String> unread = new HashMap<>();
            Map<String, String> mentions = new HashMap<>();
            for (CounterTable.Row row : rows) {
                users.add(row.user());
                unread.put(row.user(), Long.toString(row.unread()));
                mentions.put(row.user(), Long.toString(row.mentions()));
            }
            batch.<String>getSet(CounterKeys.members(channel), StringCodec.INSTANCE).addAllAsync(users);
            batch.<String, String>getMap(CounterKeys.unread(channel), StringCodec.INSTANCE).putAllAsync(unread);
            batch.<String, String>getMap(CounterKeys.mentions(channel), StringCodec.INSTANCE).putAllAsync(mentions);
        });
        batch.execute();
        return page.size();
    }
}
