package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagePostedTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void a_seq_below_1_is_rejected(long seq) {
        assertThatThrownBy(() -> new MessagePosted(GENERAL, seq, ALICE, null, Set.of(), false))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("seq"));
    }

    @Test
    void a_sender_is_required() {
        assertThatThrownBy(() -> new MessagePosted(GENERAL, 1, null, null, Set.of(), false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("senderId", "is required")));
    }

    @Test
    void no_mentions_given_means_none() {
        assertThat(new MessagePosted(GENERAL, 1, ALICE, null, null, false).mentions()).isEmpty();
    }

    @Test
    void the_mentions_are_a_copy_that_cannot_change() {
        Set<UserId> mentions = new HashSet<>(Set.of(BOB));
        MessagePosted message = new MessagePosted(GENERAL, 1, ALICE, null, mentions, false);

        mentions.add(ALICE);

        assertThat(message.mentions()).containsExactly(BOB);
        assertThatThrownBy(() -> message.mentions().add(ALICE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_message_may_mention_up_to_ten_thousand_users() {
        MessagePosted message = new MessagePosted(GENERAL, 1, ALICE, null, users(MessagePosted.MAX_MENTIONS), false);

        assertThat(message.mentions()).hasSize(10_000);
    }

    @Test
    void a_message_mentioning_more_than_ten_thousand_users_is_rejected() {
        assertThatThrownBy(() -> new MessagePosted(GENERAL, 1, ALICE, null, users(10_001), false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("mentions", "may name at most 10000 users")));
    }

    @Test
    void the_sent_time_is_kept_to_the_millisecond() {
        MessagePosted message = new MessagePosted(GENERAL, 1, ALICE,
                Instant.parse("2026-11-26T19:00:00.123456789Z"), Set.of(), false);

        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-26T19:00:00.123Z"));
    }

    @Test
    void a_message_without_a_time_is_stamped_with_the_time_given() {
        MessagePosted message = new MessagePosted(GENERAL, 1, ALICE, null, Set.of(BOB), true);

        MessagePosted stamped = message.stampedAt(Instant.parse("2026-11-26T19:00:00.987654Z"));

        assertThat(stamped).isEqualTo(new MessagePosted(GENERAL, 1, ALICE,
                Instant.parse("2026-11-26T19:00:00.987Z"), Set.of(BOB), true));
    }

    @Test
    void a_message_with_a_time_keeps_it_when_stamped() {
        MessagePosted message = new MessagePosted(GENERAL, 1, ALICE, Instant.parse("2026-01-01T00:00:00Z"),
                Set.of(), false);

        assertThat(message.stampedAt(Instant.parse("2026-11-26T19:00:00Z"))).isSameAs(message);
    }

    private static Set<UserId> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> UserId.of("user" + i)).collect(Collectors.toSet());
    }
}
