package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/** When PostgreSQL fails, the store says so with {@link StoreUnavailable}, and a failed batch leaves no trace. */
class PostgresFailuresTest {

    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");
    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final ChannelId RANDOM = ChannelId.of("random");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    /** Makes the server refuse to store the message with seq 13, as a failing statement would. */
    private static final String REFUSE_SEQ_13 = """
            CREATE FUNCTION refuse_seq_13() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.seq = 13 THEN
                    RAISE EXCEPTION 'seq 13 refused by the test';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_seq_13 BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_seq_13();
            """;

    @Test
    void a_batch_that_fails_midway_changes_nothing_and_can_be_delivered_again() {
        Jdbi jdbi = TestPostgres.newDatabase().jdbi();
        PostgresReadState store = new PostgresReadState(jdbi, 100);
        List<ChannelEvent> batch = List.of(
                new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), NOW),
                new MessagePosted(RANDOM, 1, BOB, NOW, Set.of(), false),
                new MessagePosted(GENERAL, 12, BOB, NOW, Set.of(ALICE), false),
                new ChannelRead(GENERAL, ALICE, OptionalLong.of(5), NOW),
                new MessagePosted(GENERAL, 13, BOB, NOW, Set.of(), false));
        jdbi.useHandle(handle -> handle.createScript(REFUSE_SEQ_13).execute());

        assertThatThrownBy(() -> store.record(batch))
                .isInstanceOf(StoreUnavailable.class).hasCauseInstanceOf(JdbiException.class);

        assertThat(store.channel(GENERAL)).isEmpty();
        assertThat(store.channel(RANDOM)).isEmpty();
        assertThat(store.memberships(ALICE)).isEmpty();
        long rowsLeft = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM messages) + (SELECT count(*) FROM mentions)")
                .mapTo(Long.class).one());
        assertThat(rowsLeft).isZero();

        jdbi.useHandle(handle -> handle.execute("DROP TRIGGER refuse_seq_13 ON messages"));
        InMemoryReadState rules = new InMemoryReadState(100);
        assertThat(store.record(batch)).isEqualTo(rules.record(batch));
        assertThat(store.member(GENERAL, ALICE)).isEqualTo(rules.member(GENERAL, ALICE));
    }

    @Test
    void an_unreachable_database_fails_every_call_with_store_unavailable() {
        Jdbi nowhere = Jdbi.create("jdbc:postgresql://127.0.0.1:1/readstate?connectTimeout=2", "postgres", "")
                .installPlugin(new SqlObjectPlugin());
        PostgresReadState store = new PostgresReadState(nowhere, 100);

        assertThatThrownBy(() -> store.record(List.of(new MessagePosted(GENERAL, 1, BOB, NOW, Set.of(), false))))
                .isInstanceOf(StoreUnavailable.class).hasCauseInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> store.channel(GENERAL)).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.member(GENERAL, ALICE)).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.memberships(ALICE)).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.readers(GENERAL, 1)).isInstanceOf(StoreUnavailable.class);
    }
}
