package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The changelog partitions every table by hash of channel: a fresh database gets the
 * partitioned tables, and a database migrated before partitioning keeps its rows.
 */
class PartitionedSchemaTest {

    private static final List<String> TABLES = List.of("channels", "members", "messages", "mentions");

    /** The changelog as it was before partitioning, under the same name, as deployed databases ran it. */
    private static ResourceAccessor changelogBeforePartitions() throws Exception {
        return new DirectoryResourceAccessor(Path.of(resource("changelog-before-partitions")));
    }

    private static java.net.URI resource(String name) throws URISyntaxException {
        return PartitionedSchemaTest.class.getClassLoader().getResource(name).toURI();
    }

    @SuppressWarnings("deprecation")
    private static void migrate(TestPostgres.Database database, ResourceAccessor changelogs, Map<String, Object> parameters,
                                boolean rollBackPartitioning) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            Liquibase liquibase = new Liquibase(TestPostgres.CHANGELOG, changelogs,
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
            parameters.forEach(liquibase::setChangeLogParameter);
            if (rollBackPartitioning) {
                liquibase.rollback(4, "");  // changesets 5 (nothing to undo), 4 and 3, then the partitioning (2)
            } else {
                liquibase.update("");
            }
        }
    }

    private static Map<String, Integer> partitionsPerTable(Handle handle) {
        Map<String, Integer> partitions = new java.util.TreeMap<>();
        handle.createQuery("""
                SELECT p.relname, count(i.inhrelid) FROM pg_partitioned_table t
                JOIN pg_class p ON p.oid = t.partrelid
                LEFT JOIN pg_inherits i ON i.inhparent = p.oid
                WHERE t.partstrat = 'h' GROUP BY p.relname
                """).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(entry -> partitions.put(entry.getKey(), entry.getValue()));
        return partitions;
    }

    private static List<String> indexesOfTheTables(Handle handle) {
        return handle.createQuery("SELECT indexname FROM pg_indexes WHERE tablename IN (<tables>) ORDER BY indexname")
                .bindList("tables", TABLES).mapTo(String.class).list();
    }

    private static List<String> everyRow(Handle handle) {
        return handle.createQuery("""
                SELECT 'channel ' || c::text FROM channels c UNION ALL SELECT 'member ' || m::text FROM members m
                UNION ALL SELECT 'message ' || g::text FROM messages g UNION ALL SELECT 'mention ' || n::text FROM mentions n
                ORDER BY 1
                """).mapTo(String.class).list();
    }

    private static void addRows(Handle handle) {
        handle.execute("""
                INSERT INTO channels (channel_id, head_seq, last_message_at, window_floor, window_count, generation, updated_at)
                SELECT 'c' || i, i, timestamptz '2024-01-01' + i * interval '1 minute', i / 2, i - i / 2, 3,
                       timestamptz '2024-02-01' + i * interval '1 second'
                FROM generate_series(1, 200) i
                """);
        handle.execute("""
                INSERT INTO members (channel_id, user_id, generation, present, last_read_seq, last_read_at)
                SELECT 'c' || i, 'u' || k, k, (i + k) % 4 <> 0, i / k, timestamptz '2024-03-01' + i * interval '1 hour'
                FROM generate_series(1, 200) i, generate_series(1, 3) k
                """);
        handle.execute("""
                INSERT INTO messages (channel_id, seq, mention_all, deleted)
                SELECT 'c' || i, s, s % 3 = 0, s % 5 = 0 FROM generate_series(1, 200) i, generate_series(1, 4) s
                """);
        handle.execute("""
                INSERT INTO mentions (channel_id, seq, user_id, generation)
                SELECT 'c' || i, s, 'u' || (s % 3 + 1), s % 3 + 1 FROM generate_series(1, 200) i, generate_series(1, 4) s
                """);
    }

    @Test
    void a_new_database_has_every_table_partitioned_by_hash_of_channel_with_its_keys_and_indexes() {
        TestPostgres.Database database = TestPostgres.newDatabase();

        database.jdbi().useHandle(handle -> {
            assertThat(partitionsPerTable(handle)).isEqualTo(Map.of("channels", 16, "members", 16, "messages", 16, "mentions", 16));
            assertThat(handle.createQuery("SELECT DISTINCT pg_get_partkeydef(partrelid) FROM pg_partitioned_table")
                    .mapTo(String.class).list()).containsExactly("HASH (channel_id)");
            assertThat(indexesOfTheTables(handle)).containsExactly("channels_pkey", "members_of_user", "members_pkey",
                    "mentions_of_member", "mentions_pkey", "messages_pkey");
            assertThat(handle.createQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'members_of_user'")
                    .mapTo(String.class).one()).endsWith("(user_id) WHERE present");
        });
    }

    @Test
    void a_database_migrated_before_partitioning_keeps_every_row_in_the_configured_partitions() throws Exception {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();
        migrate(database, changelogBeforePartitions(), Map.of(), false);
        database.jdbi().useHandle(PartitionedSchemaTest::addRows);
        List<String> before = database.jdbi().withHandle(PartitionedSchemaTest::everyRow);

        migrate(database, new ClassLoaderResourceAccessor(), Map.of("partitions", 4), false);

        database.jdbi().useHandle(handle -> {
            assertThat(partitionsPerTable(handle)).isEqualTo(Map.of("channels", 4, "members", 4, "messages", 4, "mentions", 4));
            assertThat(everyRow(handle)).hasSize(200 * (1 + 3 + 4 + 4)).isEqualTo(before);
            assertThat(indexesOfTheTables(handle)).containsExactly("channels_pkey", "members_of_user", "members_pkey",
                    "mentions_of_member", "mentions_pkey", "messages_pkey");
            assertThat(handle.createQuery("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%unpartitioned%'")
                    .mapTo(Integer.class).one()).isZero();
            assertThatThrownBy(() -> handle.execute("INSERT INTO members VALUES ('c1', 'u1', 9, true, 0, now())"))
                    .hasMessageContaining("members_p");
        });
    }

    @Test
    void a_partition_count_out_of_range_stops_the_migration_and_leaves_the_tables_as_they_were() throws Exception {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();
        migrate(database, changelogBeforePartitions(), Map.of(), false);
        database.jdbi().useHandle(PartitionedSchemaTest::addRows);

        assertThatThrownBy(() -> migrate(database, new ClassLoaderResourceAccessor(), Map.of("partitions", 2000), false))
                .hasStackTraceContaining("the partition count must be between 1 and 1024, not 2000");

        database.jdbi().useHandle(handle -> {
            assertThat(partitionsPerTable(handle)).isEmpty();
            assertThat(handle.createQuery("SELECT count(*) FROM members").mapTo(Integer.class).one()).isEqualTo(600);
        });
    }

    @Test
    void rolling_back_the_partitioning_gives_plain_tables_with_the_same_rows() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        database.jdbi().useHandle(PartitionedSchemaTest::addRows);
        List<String> before = database.jdbi().withHandle(PartitionedSchemaTest::everyRow);

        migrate(database, new ClassLoaderResourceAccessor(), Map.of(), true);

        database.jdbi().useHandle(handle -> {
            assertThat(partitionsPerTable(handle)).isEmpty();
            assertThat(everyRow(handle)).isEqualTo(before);
            assertThat(indexesOfTheTables(handle)).containsExactly("channels_pkey", "members_of_user", "members_pkey",
                    "mentions_of_member", "mentions_pkey", "messages_pkey");
        });
    }
}
