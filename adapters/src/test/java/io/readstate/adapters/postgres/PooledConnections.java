package io.readstate.adapters.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Connections to one test database, kept open between uses (tests would otherwise open
 * one per statement) and committing without waiting for the disk; production uses the
 * application's pool instead. JIT is off, as in the application's pool.
 */
final class PooledConnections implements ConnectionFactory {

    private final TestPostgres.Database database;
    private final LinkedBlockingQueue<Connection> idle = new LinkedBlockingQueue<>();

    private PooledConnections(TestPostgres.Database database) {
        this.database = database;
    }

    /** A Jdbi like {@link TestPostgres.Database#jdbi()}, but keeping its connections open between uses. */
    static Jdbi jdbi(TestPostgres.Database database) {
        return Jdbi.create(new PooledConnections(database))
                .installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        properties.setProperty("options", "-c synchronous_commit=off -c jit=off");
        return DriverManager.getConnection(database.url(), properties);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (connection.isClosed() || !connection.getAutoCommit() || !idle.offer(connection)) {
            connection.close();
        }
    }
}
