package io.readstate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Channel and user ids: 1 to 64 characters from {@code A-Z a-z 0-9 _ . : @ -}, never altered. */
class IdsTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                "a", "Z", "7", "general", "team-42", "user@example.com", "ns:channel.sub_1",
                "_", ".", ":", "@", "-", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm", "nopqrstuvwxyz0123456789_.:@-",
                "x".repeat(64))
                .map(Arguments::of);
    }

    static Stream<Arguments> tooShortOrTooLong() {
        return Stream.of("", "x".repeat(65), "y".repeat(1_000)).map(Arguments::of);
    }

    static Stream<Arguments> withAForbiddenCharacter() {
        return Stream.of("a b", " a", "a ", "a\tb", "a\nb", "a/b", "{id}", "a}", "a+b", "a#b", "a?b", "a%20b",
                "a\\b", "a,b", "a;b", "a=b", "a*b", "a'b", "a\"b", "café", "Ålesund", "日本", "emoji😀", "ｆｕｌｌ",
                "a\u0000b", "\u00a0", "x".repeat(63) + "é")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void an_id_from_the_allowed_characters_is_kept_as_given(String value) {
        assertThat(ChannelId.of(value).value()).isEqualTo(value);
        assertThat(UserId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("tooShortOrTooLong")
    void an_id_must_be_1_to_64_characters_long(String value) {
        assertRejected(ChannelId::of, value, new Problem("channelId", "must be 1 to 64 characters long"));
        assertRejected(UserId::of, value, new Problem("userId", "must be 1 to 64 characters long"));
    }

    @ParameterizedTest
    @MethodSource("withAForbiddenCharacter")
    void an_id_with_any_other_character_is_rejected(String value) {
        assertRejected(ChannelId::of, value, new Problem("channelId", "may contain only A-Z a-z 0-9 _ . : @ -"));
        assertRejected(UserId::of, value, new Problem("userId", "may contain only A-Z a-z 0-9 _ . : @ -"));
    }

    @Test
    void an_id_is_required() {
        assertRejected(ChannelId::of, null, new Problem("channelId", "is required"));
        assertRejected(UserId::of, null, new Problem("userId", "is required"));
    }

    @Test
    void a_user_id_read_from_a_list_reports_its_place_in_the_list() {
        assertThatThrownBy(() -> UserId.of("mentions[3]", "bad id"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("mentions[3]", "may contain only A-Z a-z 0-9 _ . : @ -")));
        assertThat(UserId.of("mentions[0]", "alice")).isEqualTo(UserId.of("alice"));
    }

    @Test
    void ids_sort_by_their_text() {
        List<UserId> users = Stream.of("bob", "Zed", "alice", "alice2", "-x").map(UserId::of).sorted().toList();
        List<ChannelId> channels = Stream.of("b", "a", "B").map(ChannelId::of).sorted().toList();

        assertThat(users).extracting(UserId::value).containsExactly("-x", "Zed", "alice", "alice2", "bob");
        assertThat(channels).extracting(ChannelId::value).containsExactly("B", "a", "b");
    }

    @Test
    void an_id_prints_as_its_text() {
        assertThat(ChannelId.of("general")).hasToString("general");
        assertThat(UserId.of("alice")).hasToString("alice");
    }

    @Test
    void ids_are_equal_when_their_text_is() {
        assertThat(UserId.of("alice")).isEqualTo(new UserId("alice")).isNotEqualTo(UserId.of("Alice"));
        assertThat(ChannelId.of("c")).isEqualTo(new ChannelId("c"));
    }

    private static void assertRejected(Function<String, ?> parse, String value, Problem expected) {
        assertThatThrownBy(() -> parse.apply(value))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems()).containsExactly(expected);
                    assertThat(e.getMessage()).isEqualTo(expected.field() + ": " + expected.problem());
                });
    }
}
