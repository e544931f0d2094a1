package io.readstate.app.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date at start, on a connection of its own: Liquibase leaves
 * auto-commit off, which must not reach the service's pool. Instances that start at once
 * take turns under a PostgreSQL advisory lock: Liquibase's own lock lives in a table
 * that the first of them creates, and two creating it together fail. {@code partitions} is the changelog parameter
 * {@value #PARTITIONS}: how many hash partitions each table gets when first partitioned.
 */
public final class SchemaMigration {

    public static final String PARTITIONS = "partitions";
    /** The advisory lock key that serializes migrations: "readstat" in ASCII. */
    private static final long MIGRATION_LOCK = 0x7265616473746174L;

    private SchemaMigration() {
    }

    @SuppressWarnings("deprecation")
    public static void migrate(String url, String user, String password, int partitions) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (Statement lock = connection.createStatement()) {
                // held until the connection closes, after the migration
                lock.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(io.readstate.app.db.DatabaseFactory.CHANGELOG,
                    new ClassLoaderResourceAccessor(), database);
            liquibase.setChangeLogParameter(PARTITIONS, partitions);
            liquibase.update("");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the schema: " + e.getMessage(), e);
        }
    }
}
