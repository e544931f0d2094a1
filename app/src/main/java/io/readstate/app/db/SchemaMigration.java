package io.readstate.app.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date at start (Liquibase's lock keeps concurrent starts
 * apart), on a connection of its own: Liquibase leaves auto-commit off, which must not
 * reach the service's pool. {@code partitions} is the changelog parameter
 * {@value #PARTITIONS}: how many hash partitions each table gets when first partitioned.
 */
public final class SchemaMigration {

    public static final String PARTITIONS = "partitions";

    private SchemaMigration() {
    }

    @SuppressWarnings("deprecation")
    public static void migrate(String url, String user, String password, int partitions) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
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
