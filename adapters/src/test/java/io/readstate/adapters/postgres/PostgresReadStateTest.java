package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write-through store keeps the rules of the contract in PostgreSQL. Every event is
 * also given to the reference rules, and the outcomes must be equal.
 */
class PostgresReadStateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00.123Z");
    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final long MAX = Long.MAX_VALUE;

    private static Jdbi jdbi;
    private PostgresReadState store;
    private InMemoryReadState rules;

    @BeforeAll
    static void createDatabase() {
        jdbi = TestPostgres.newDatabase().jdbi();
    }

    @BeforeEach
    void emptyTables() {
        jdbi.useHandle(handle -> handle.execute("TRUNCATE channels, members, messages, mentions"));
    }

    private void useWindow(int size) {
        store = new PostgresReadState(jdbi, size);
        rules = new InMemoryReadState(size);
    }

    private Outcome record(ChannelEvent event) {
        Outcome outcome = store.record(List.of(event)).get(0);
        assertThat(outcome).as("the rules' outcome for %s", event).isEqualTo(rules.record(List.of(event)).get(0));
        return outcome;
    }

    private static MemberJoined join(UserId user) {
        return new MemberJoined(GENERAL, user, OptionalLong.empty(), NOW);
    }

    private static MessagePosted message(long seq, UserId sender, UserId... mentions) {
        return new MessagePosted(GENERAL, seq, sender, NOW, Set.of(mentions), false);
    }

    private static ChannelRead read(UserId user, long upTo) {
        return new ChannelRead(GENERAL, user, OptionalLong.of(upTo), NOW);
    }

    private MemberState stateOf(UserId user) {
        MemberState state = store.member(GENERAL, user).orElseThrow();
        assertThat(state).isEqualTo(rules.member(GENERAL, user).orElseThrow());
        return state;
    }

    private long number(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private List<String> texts(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void seqs_up_to_the_largest_long_are_kept_exactly() {
        useWindow(100);
        record(join(ALICE));
        record(message(MAX - 2, BOB));
        record(message(MAX - 1, BOB, ALICE));
        record(message(MAX, BOB));

        assertThat(record(message(MAX, BOB)).applied()).isFalse();
        assertThat(stateOf(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 3, false, 1, 0, NOW, MAX));
        assertThat(record(read(ALICE, MAX - 1))).isEqualTo(
                new Outcome.ReadRecorded(new MemberState(GENERAL, ALICE, 1, false, 0, MAX - 1, NOW, MAX), true));
        assertThat(store.readers(GENERAL, MAX - 1).orElseThrow().userIds()).containsExactly(ALICE);
        assertThat(store.readers(GENERAL, MAX).orElseThrow().userIds()).isEmpty();
        assertThat(record(new MessageDeleted(GENERAL, MAX))).isEqualTo(new Outcome.Deleted(true));
        assertThat(stateOf(ALICE).unread()).isZero();
        assertThat(store.channel(GENERAL).orElseThrow().headSeq()).isEqualTo(MAX);
    }

    @Test
    void times_keep_their_milliseconds() {
        useWindow(100);
        Instant joinedAt = Instant.parse("2026-11-26T19:00:00.001Z");
        Instant sentAt = Instant.parse("2026-11-26T19:00:01.999Z");
        record(new MemberJoined(GENERAL, ALICE, OptionalLong.empty(), joinedAt));
        record(new MessagePosted(GENERAL, 1, BOB, sentAt, Set.of(), false));

        assertThat(stateOf(ALICE).lastReadAt()).isEqualTo(joinedAt);
        assertThat(store.channel(GENERAL)).contains(new ChannelSummary(GENERAL, 1, 1, sentAt));
    }

    @Test
    void a_full_window_trims_its_oldest_messages_and_caps_the_unread_count_of_members_behind_it() {
        useWindow(3);
        record(join(ALICE));
        for (long seq = 1; seq <= 5; seq++) {
            record(seq % 3 == 2 ? message(seq, BOB, ALICE) : message(seq, BOB));
        }

        assertThat(stateOf(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 3, true, 1, 0, NOW, 5));
        assertThat(record(read(ALICE, 3))).isEqualTo(
                new Outcome.ReadRecorded(new MemberState(GENERAL, ALICE, 2, false, 1, 3, NOW, 5), true));
        assertThat(number("SELECT window_floor FROM channels")).isEqualTo(2);
        assertThat(number("SELECT window_count FROM channels")).isEqualTo(3);
        assertThat(number("SELECT min(seq) FROM messages")).isEqualTo(3);
        assertThat(number("SELECT count(*) FROM mentions")).isEqualTo(1);
    }

    @Test
    void a_deleted_message_leaves_every_count_and_its_place_in_the_window() {
        useWindow(3);
        record(join(ALICE));
        record(message(1, BOB));
        record(message(2, BOB, ALICE));
        record(message(3, BOB));

        assertThat(record(new MessageDeleted(GENERAL, 2))).isEqualTo(new Outcome.Deleted(true));
        assertThat(record(new MessageDeleted(GENERAL, 2))).isEqualTo(new Outcome.Deleted(false));
        assertThat(record(new MessageDeleted(GENERAL, 99))).isEqualTo(new Outcome.Deleted(false));
        assertThat(stateOf(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 2, false, 0, 0, NOW, 3));

        record(message(4, BOB));
        assertThat(stateOf(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 3, false, 0, 0, NOW, 4));
        record(message(5, BOB));
        assertThat(stateOf(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 3, true, 0, 0, NOW, 5));
        assertThat(record(new MessageDeleted(GENERAL, 1))).isEqualTo(new Outcome.Deleted(false));
        assertThat(number("SELECT window_count FROM channels")).isEqualTo(3);
    }

    @Test
    void deleting_in_an_unknown_channel_changes_nothing() {
        useWindow(3);
        assertThat(record(new MessageDeleted(GENERAL, 1))).isEqualTo(new Outcome.Deleted(false));
        assertThat(record(new MemberLeft(GENERAL, ALICE))).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        assertThat(record(read(ALICE, 1))).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        assertThat(store.channel(GENERAL)).isEmpty();
        assertThat(store.readers(GENERAL, 1)).isEmpty();
    }

    @Test
    void leaving_then_joining_again_forgets_the_mentions_by_name_from_before() {
        useWindow(100);
        record(join(ALICE));
        record(join(BOB));
        record(message(1, BOB, ALICE));
        record(new MessagePosted(GENERAL, 2, BOB, NOW, Set.of(), true));
        assertThat(stateOf(ALICE).mentions()).isEqualTo(2);

        assertThat(record(new MemberLeft(GENERAL, ALICE))).isEqualTo(new Outcome.Left());
        assertThat(store.member(GENERAL, ALICE)).isEmpty();
        assertThat(store.memberships(ALICE)).isEmpty();
        assertThat(record(new MemberLeft(GENERAL, ALICE))).isEqualTo(new Outcome.NotAMember(GENERAL, ALICE));
        record(new MemberJoined(GENERAL, ALICE, OptionalLong.of(0), NOW));

        assertThat(stateOf(ALICE)).isEqualTo(new MemberState(GENERAL, ALICE, 2, false, 1, 0, NOW, 2));
        record(message(3, BOB, ALICE));
        assertThat(stateOf(ALICE).mentions()).isEqualTo(2);
        assertThat(store.memberships(ALICE)).containsExactly(stateOf(ALICE));
    }

    @Test
    void members_rows_keep_generations_and_departures_as_the_schema_says() {
        useWindow(100);
        record(join(ALICE));
        record(join(BOB));
        record(message(1, CAROL, ALICE, BOB));
        record(new MemberLeft(GENERAL, ALICE));

        assertThat(number("SELECT generation FROM members WHERE user_id = 'alice' AND NOT present")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM mentions WHERE user_id = 'bob' AND generation = 2")).isEqualTo(1);
        record(join(ALICE));
        record(new MembersJoined(GENERAL, List.of(CAROL, BOB, UserId.of("dave"), CAROL), NOW));

        assertThat(number("SELECT generation FROM channels")).isEqualTo(5);
        assertThat(texts("SELECT user_id || ':' || generation || ':' || present FROM members ORDER BY generation"))
                .containsExactly("bob:2:true", "alice:3:true", "carol:4:true", "dave:5:true");
    }

    @Test
    void a_bulk_join_counts_present_users_and_users_named_twice_as_already_members() {
        useWindow(100);
        record(join(ALICE));
        record(message(7, ALICE));

        assertThat(record(new MembersJoined(GENERAL, List.of(ALICE, BOB, CAROL, BOB), NOW)))
                .isEqualTo(new Outcome.MembersAdded(2, 2));
        assertThat(stateOf(BOB)).isEqualTo(new MemberState(GENERAL, BOB, 0, false, 0, 7, NOW, 7));
        assertThat(store.channel(GENERAL).orElseThrow().memberCount()).isEqualTo(3);
    }

    @Test
    void a_join_above_the_head_is_refused_and_creates_no_channel() {
        useWindow(100);
        Outcome refused = store.record(List.of(new MemberJoined(GENERAL, ALICE, OptionalLong.of(1), NOW))).get(0);

        assertThat(refused).isEqualTo(new Outcome.ReadPositionAboveHead(1, 0));
        assertThat(store.channel(GENERAL)).isEmpty();
        assertThat(number("SELECT count(*) FROM channels")).isZero();
    }

    @Test
    void a_read_moves_forward_only_and_never_past_the_head() {
        useWindow(100);
        record(join(ALICE));
        record(message(10, BOB));
        record(message(20, BOB));

        assertThat(record(read(ALICE, 15)).applied()).isTrue();
        assertThat(record(read(ALICE, 12))).isEqualTo(
                new Outcome.ReadRecorded(new MemberState(GENERAL, ALICE, 1, false, 0, 15, NOW, 20), false));
        Instant later = NOW.plusSeconds(5);
        assertThat(record(new ChannelRead(GENERAL, ALICE, OptionalLong.of(MAX), later))).isEqualTo(
                new Outcome.ReadRecorded(new MemberState(GENERAL, ALICE, 0, false, 0, 20, later, 20), true));
        assertThat(record(new ChannelRead(GENERAL, ALICE, OptionalLong.empty(), NOW)).applied()).isFalse();
    }
}
