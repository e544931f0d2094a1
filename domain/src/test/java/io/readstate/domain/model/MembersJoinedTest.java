package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MembersJoinedTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final Problem ONE_TO_TEN_THOUSAND = new Problem("userIds", "must name 1 to 10000 users");

    @Test
    void a_bulk_join_naming_nobody_is_rejected() {
        assertRejected(List.of());
        assertRejected(null);
    }

    @Test
    void a_bulk_join_naming_more_than_ten_thousand_users_is_rejected() {
        assertRejected(users(10_001));
    }

    @Test
    void a_bulk_join_may_name_one_to_ten_thousand_users() {
        assertThat(new MembersJoined(GENERAL, users(1), null).userIds()).hasSize(1);
        assertThat(new MembersJoined(GENERAL, users(MembersJoined.MAX_USERS), null).userIds()).hasSize(10_000);
    }

    @Test
    void a_user_may_be_named_twice() {
        assertThat(new MembersJoined(GENERAL, List.of(ALICE, ALICE), null).userIds()).containsExactly(ALICE, ALICE);
    }

    @Test
    void the_users_are_a_copy_that_cannot_change() {
        List<UserId> users = new ArrayList<>(List.of(ALICE));
        MembersJoined join = new MembersJoined(GENERAL, users, null);

        users.add(BOB);

        assertThat(join.userIds()).containsExactly(ALICE);
        assertThatThrownBy(() -> join.userIds().add(BOB)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_bulk_join_without_a_time_is_stamped_and_one_with_a_time_keeps_it() {
        MembersJoined untimed = new MembersJoined(GENERAL, List.of(ALICE), null);
        MembersJoined timed = new MembersJoined(GENERAL, List.of(ALICE), Instant.parse("2026-01-01T00:00:00Z"));
        Instant now = Instant.parse("2026-11-26T19:00:00.5555Z");

        assertThat(untimed.stampedAt(now).joinedAt()).isEqualTo(Instant.parse("2026-11-26T19:00:00.555Z"));
        assertThat(timed.stampedAt(now)).isSameAs(timed);
    }

    private static void assertRejected(List<UserId> users) {
        assertThatThrownBy(() -> new MembersJoined(GENERAL, users, null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).containsExactly(ONE_TO_TEN_THOUSAND));
    }

    private static List<UserId> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> UserId.of("user" + i)).toList();
    }
}
