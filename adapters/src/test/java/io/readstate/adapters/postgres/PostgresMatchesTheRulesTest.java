package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.adapters.redis.RandomEvents;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random event sequences applied to PostgreSQL and to the reference rules give the
 * same outcomes and the same state, event by event, singly and in batches.
 */
class PostgresMatchesTheRulesTest {

    private static final int WINDOW = 6;

    private static Jdbi jdbi;

    @BeforeAll
    static void createDatabase() {
        jdbi = TestPostgres.newDatabase().jdbi();
    }

    @BeforeEach
    void emptyTables() {
        jdbi.useHandle(handle -> handle.execute("TRUNCATE channels, members, messages, mentions"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void every_outcome_and_every_count_equals_the_rules(long seed) {
        RandomEvents traffic = new RandomEvents(seed, 3, 6);
        PostgresReadState postgres = new PostgresReadState(jdbi, WINDOW);
        InMemoryReadState rules = new InMemoryReadState(WINDOW);

        for (int step = 0; step < 250; step++) {
            List<ChannelEvent> batch = new ArrayList<>();
            for (int i = step % 5 == 0 ? 7 : 1; i > 0; i--) {
                batch.add(traffic.next());
            }
            assertThat(postgres.record(batch)).as("seed %d step %d: %s", seed, step, batch)
                    .isEqualTo(rules.record(batch));
            if (step % 3 == 0) {
                assertSameState(traffic, postgres, rules, "seed " + seed + " step " + step);
            }
        }
    }

    private static void assertSameState(RandomEvents traffic, PostgresReadState postgres, InMemoryReadState rules,
                                        String where) {
        for (ChannelId channel : traffic.channels()) {
            assertThat(postgres.channel(channel)).as(where).isEqualTo(rules.channel(channel));
            for (UserId user : traffic.users()) {
                assertThat(postgres.member(channel, user)).as(where).isEqualTo(rules.member(channel, user));
            }
            for (long seq = 1; seq < 40; seq += 6) {
                assertThat(readerSet(postgres.readers(channel, seq))).as(where)
                        .isEqualTo(readerSet(rules.readers(channel, seq)));
            }
        }
        for (UserId user : traffic.users()) {
            assertThat(sorted(postgres.memberships(user))).as(where).isEqualTo(sorted(rules.memberships(user)));
        }
    }

    private static Optional<Set<UserId>> readerSet(Optional<Readers> readers) {
        return readers.map(r -> r.userIds().stream().collect(Collectors.toSet()));
    }

    private static List<MemberState> sorted(List<MemberState> states) {
        return states.stream().sorted(Comparator.comparing(MemberState::channelId)).toList();
    }
}
