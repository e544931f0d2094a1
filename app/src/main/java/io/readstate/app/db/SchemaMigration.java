package io.readstate.app.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings the schema up to date at start (Liquibase's lock keeps concurrent starts apart). */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    @SuppressWarnings("deprecation")
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(io.readstate.app.db.DatabaseFactory.CHANGELOG, new ClassLoaderResourceAccessor(), database)
                    .update("");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the schema: " + e.getMessage(), e);
        }
    }
}
