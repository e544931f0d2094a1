package io.readstate.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.app.ReadstateApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's migration, and the {@code db migrate} command, partition the tables into the configured count. */
class SchemaMigrationTest {

    private static int partitionsOf(TestPostgres.Database database, String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM pg_inherits WHERE inhparent = CAST(:table AS regclass)")
                .bind("table", table).mapTo(Integer.class).one());
    }

    @Test
    void the_service_migration_makes_the_configured_number_of_partitions() {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();

        SchemaMigration.migrate(database.url(), database.user(), database.password(), 3);

        assertThat(partitionsOf(database, "channels")).isEqualTo(3);
        assertThat(partitionsOf(database, "mentions")).isEqualTo(3);
    }

    @Test
    void instances_that_start_together_on_a_fresh_database_all_migrate_it() throws Exception {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> migrations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                migrations.add(starts.submit(() ->
                        SchemaMigration.migrate(database.url(), database.user(), database.password(), 3)));
            }
            for (Future<?> migration : migrations) {
                migration.get(120, TimeUnit.SECONDS);
            }
        } finally {
            starts.shutdownNow();
        }

        assertThat(partitionsOf(database, "members")).isEqualTo(3);
    }

    @Test
    void the_db_migrate_command_makes_the_configured_number_of_partitions(@TempDir Path directory) throws Exception {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();
        Path config = Files.writeString(directory.resolve("config.yml"), """
                database:
                  url: %s
                  user: %s
                  password: "%s"
                  partitions: 5
                """.formatted(database.url(), database.user(), database.password()));

        try {
            new ReadstateApplication().run("db", "migrate", config.toString());
        } finally {
            System.clearProperty(SchemaMigration.PARTITIONS);
        }

        assertThat(partitionsOf(database, "members")).isEqualTo(5);
    }
}
