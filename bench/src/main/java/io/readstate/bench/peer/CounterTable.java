package io.readstate.bench.peer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The per-member counters in PostgreSQL: one row per member, written by bulk upserts. */
public final class CounterTable {

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS %s (channel_id text NOT NULL, "
            + "user_id text NOT NULL, unread bigint NOT NULL, mentions bigint NOT NULL, PRIMARY KEY (channel_id, user_id))";
    private static final String UPSERT = "INSERT INTO %s (channel_id, user_id, unread, mentions) "
            + "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[]) "
            + "ON CONFLICT (channel_id, user_id) DO UPDATE SET unread = EXCLUDED.unread, mentions = EXCLUDED.mentions";

    /** One member's counters. */
    public record Row(String channel, String user, long unread, long mentions) {
    }

    private CounterTable() {
    }

    public static void create(Connection connection) throws SQLException {
        create(connection, "member_counters");
    }

    /** A table of the same shape under another name. */
    public static void create(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.format(CREATE, table));
        }
    }

    /** One {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE} for all the rows. */
    public static void upsert(Connection connection, List<Row> rows) throws SQLException {
        upsertInto(connection, "member_counters", rows);
    }

    /** The same upsert into another table of the same shape. */
    public static void upsertInto(Connection connection, String table, List<Row> rows) throws SQLException {
        int n = rows.size();
        String[] channels = new String[n];
        String[] users = new String[n];
        Long[] unread = new Long[n];
        Long[] mentions = new Long[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            channels[i] = row.channel();
            users[i] = row.user();
            unread[i] = row.unread();
            mentions[i] = row.mentions();
        }
        try (PreparedStatement upsert = connection.prepareStatement(String.format(UPSERT, table))) {
            upsert.setArray(1, connection.createArrayOf("text", channels));
            upsert.setArray(2, connection.createArrayOf("text", users));
            upsert.setArray(3, connection.createArrayOf("bigint", unread));
            upsert.setArray(4, connection.createArrayOf("bigint", mentions));
            upsert.executeUpdate();
        }
    }
}
