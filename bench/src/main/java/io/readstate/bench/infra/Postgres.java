package io.readstate.bench.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's PostgreSQL: databases made for this run (and dropped after it), and the
 * counters PostgreSQL keeps per database, read from another database so that reading
 * them adds nothing to them.
 */
public final class Postgres {

    private final String hostPort;
    private final String user;

    public Postgres(String hostPort, String user) {
        this.hostPort = hostPort;
        this.user = user;
    }

    public String url(String database) {
        return "jdbc:postgresql://" + hostPort + "/" + database;
    }

    public String user() {
        return user;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, "");
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Committed transactions and rows inserted, updated or deleted in a database so far. */
    public record Counters(long commits, long rowsWritten) {

        public Counters minus(Counters earlier) {
            return new Counters(commits - earlier.commits, rowsWritten - earlier.rowsWritten);
        }
    }

    public Counters counters(String database) throws SQLException {
        try (Connection admin = connect("postgres");
             PreparedStatement query = admin.prepareStatement("SELECT xact_commit, tup_inserted + tup_updated + "
                     + "tup_deleted FROM pg_stat_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no statistics for database " + database);
                }
                return new Counters(row.getLong(1), row.getLong(2));
            }
        }
    }

    /** A single number a query answers in a database. */
    public long count(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
