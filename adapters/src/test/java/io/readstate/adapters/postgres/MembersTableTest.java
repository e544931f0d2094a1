package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.MemberRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The members table. Read positions move all the time, so its pages keep room for them:
 * a moved position stays on its row's page (a HOT update, no new index entries). On full
 * pages every move wrote its row elsewhere and added an entry to both of its indexes.
 */
class MembersTableTest {

    private static final String CHANNEL = "big-channel";
    private static final Instant JOINED = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void every_members_partition_keeps_a_fifth_of_its_pages_free() {
        Jdbi jdbi = TestPostgres.newDatabase().jdbi();

        List<String> options = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT coalesce(array_to_string(c.reloptions, ','), '') FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'members'::regclass
                """).mapTo(String.class).list());

        assertThat(options).hasSize(16).containsOnly("fillfactor=80");
    }

    @Test
    void a_flush_of_moved_read_positions_leaves_each_row_on_its_page() {
        Jdbi jdbi = TestPostgres.newDatabase().jdbi();
        List<String> users = IntStream.range(0, 2_000).mapToObj(i -> String.format("user-%04d", i)).toList();
        jdbi.useHandle(handle -> handle.attach(MemberRowsDao.class).admit(CHANNEL, users.toArray(String[]::new),
                IntStream.range(0, users.size()).mapToLong(i -> i + 1).toArray(), 0, JOINED));
        List<String> readers = IntStream.range(0, users.size()).filter(i -> i % 10 == 3).mapToObj(users::get).toList();
        Map<String, Long> pagesBefore = pages(jdbi);

        List<MemberRecord> moved = readers.stream().map(user -> new MemberRecord(UserId.of(user), true, 7,
                JOINED.plusSeconds(60), users.indexOf(user) + 1)).toList();
        new PostgresCheckpoint(jdbi).write(List.of(new ChannelChanges(ChannelId.of(CHANNEL),
                new ChannelHead(7, JOINED.plusSeconds(30), 0, 7, users.size()), moved, List.of(), List.of(),
                moved.size(), true)), Optional.empty());

        Map<String, Long> pagesAfter = pages(jdbi);
        assertThat(pagesBefore.values().stream().distinct().count()).isGreaterThan(10);
        assertThat(readers).allSatisfy(user -> assertThat(pagesAfter.get(user)).as(user).isEqualTo(pagesBefore.get(user)));
        long movedRows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM members WHERE channel_id = :channel AND last_read_seq = 7")
                .bind("channel", CHANNEL).mapTo(Long.class).one());
        assertThat(movedRows).isEqualTo(readers.size());
    }

    /**
     * Change set 4's comments were reworded after it had been released; its checksum changed
     * with them. A database migrated before must still start (Liquibase refuses a change set
     * whose recorded checksum no longer matches).
     */
    @Test
    void a_database_migrated_with_the_first_wording_of_the_fillfactor_change_still_migrates() {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();
        TestPostgres.migrate(database, 4);
        database.jdbi().useHandle(handle -> handle.execute("UPDATE databasechangelog SET md5sum = "
                + "'9:4257be7addb5335adb5cd676e404a77b' WHERE id = '4-members-fillfactor'"));

        TestPostgres.migrate(database, 0);

        long applied = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM databasechangelog WHERE id = '5-forget-stray-departures'")
                .mapTo(Long.class).one());
        assertThat(applied).isEqualTo(1);
    }

    @Test
    void the_migration_forgets_the_departures_that_flushes_wrote_for_a_channels_own_fields() {
        TestPostgres.Database database = TestPostgres.newEmptyDatabase();
        TestPostgres.migrate(database, 4);
        Jdbi jdbi = database.jdbi();
        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO members (channel_id, user_id, generation, present, last_read_seq, last_read_at) VALUES
                    ('c1', 'ta', 0, false, 0, now()), ('c2', 'ta', 0, false, 0, now()),
                    ('c3', 'ta', 4, false, 0, now()), ('c4', 'ta', 2, true, 9, now()), ('c1', 'tb', 1, false, 0, now())
                """));

        TestPostgres.migrate(database, 0);

        List<String> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT channel_id || ' ' || user_id || ' ' || generation FROM members ORDER BY 1")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("c1 tb 1", "c3 ta 4", "c4 ta 2");
    }

    /** Each member's page: the block number of its row's ctid. */
    private static Map<String, Long> pages(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT user_id, (ctid::text::point)[0]::bigint AS page FROM members WHERE channel_id = :channel")
                .bind("channel", CHANNEL)
                .reduceRows(new HashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("user_id", String.class), row.getColumn("page", Long.class));
                    return map;
                }));
    }
}
