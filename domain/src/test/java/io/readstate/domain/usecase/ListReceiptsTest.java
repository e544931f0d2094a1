package io.readstate.domain.usecase;

import static io.readstate.domain.model.Events.joinAll;
import static io.readstate.domain.model.Events.joinFrom;
import static io.readstate.domain.model.Events.message;
import static io.readstate.domain.model.Events.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.Problem;
import io.readstate.domain.model.Receipts;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who has read a message, a page at a time, sorted by user id. */
class ListReceiptsTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final UserId DAVE = UserId.of("dave");
    private static final UserId ERIN = UserId.of("erin");
    private static final UserId FRANK = UserId.of("frank");

    /** Erin, Carol, Alice and Dave have read message 2; Bob and Frank have not. */
    private final CannedReadState fourOfSix = new CannedReadState()
            .withReaders(GENERAL, 6, List.of(ERIN, CAROL, ALICE, DAVE));
    private final ListReceipts listReceipts = new ListReceipts(fourOfSix);

    @Test
    void receipts_name_the_readers_sorted_by_user_id_with_the_counts() {
        Receipts receipts = list(100, null).orElseThrow();

        assertThat(receipts).isEqualTo(new Receipts(GENERAL, 2, 4, 6, List.of(ALICE, CAROL, DAVE, ERIN), null));
    }

    @Test
    void a_page_holds_at_most_limit_readers_and_names_the_cursor_of_the_next() {
        Receipts first = list(3, null).orElseThrow();

        assertThat(first.readBy()).containsExactly(ALICE, CAROL, DAVE);
        assertThat(first.next()).isEqualTo(DAVE);
        assertThat(first.readCount()).isEqualTo(4);
        assertThat(first.memberCount()).isEqualTo(6);
    }

    @Test
    void the_cursor_is_exclusive_and_the_last_page_has_no_next() {
        Receipts last = list(3, DAVE).orElseThrow();

        assertThat(last.readBy()).containsExactly(ERIN);
        assertThat(last.next()).isNull();
        assertThat(last.readCount()).isEqualTo(4);
    }

    @Test
    void a_page_that_exactly_ends_the_readers_has_no_next() {
        Receipts exact = list(4, null).orElseThrow();

        assertThat(exact.readBy()).hasSize(4);
        assertThat(exact.next()).isNull();
    }

    @Test
    void the_cursor_need_not_be_a_reader() {
        assertThat(list(2, BOB).orElseThrow().readBy()).containsExactly(CAROL, DAVE);
        assertThat(list(2, UserId.of("zed")).orElseThrow().readBy()).isEmpty();
        assertThat(list(2, UserId.of("zed")).orElseThrow().next()).isNull();
    }

    @Test
    void following_the_cursors_visits_every_reader_once_in_order() {
        List<UserId> seen = new ArrayList<>();
        UserId after = null;
        do {
            Receipts page = list(1, after).orElseThrow();
            seen.addAll(page.readBy());
            after = page.next();
        } while (after != null);

        assertThat(seen).containsExactly(ALICE, CAROL, DAVE, ERIN);
    }

    @Test
    void a_channel_never_seen_has_no_receipts() {
        assertThat(listReceipts.list(new ListReceipts.Query(ChannelId.of("unknown"), 1, 10, Optional.empty())))
                .isEmpty();
    }

    @Test
    void receipts_follow_the_read_positions_in_the_store() {
        InMemoryReadState state = new InMemoryReadState(100);
        state.record(List.of(joinFrom(GENERAL, CAROL, 0), joinFrom(GENERAL, BOB, 0), message(GENERAL, 1, ALICE),
                message(GENERAL, 2, ALICE), read(GENERAL, CAROL, 2), read(GENERAL, BOB, 1),
                joinAll(GENERAL, ALICE, DAVE)));
        ListReceipts receipts = new ListReceipts(state);

        assertThat(receipts.list(new ListReceipts.Query(GENERAL, 2, 100, Optional.empty())))
                .contains(new Receipts(GENERAL, 2, 3, 4, List.of(ALICE, CAROL, DAVE), null));
        assertThat(receipts.list(new ListReceipts.Query(GENERAL, 3, 100, Optional.empty())))
                .contains(new Receipts(GENERAL, 3, 0, 4, List.of(), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_001, Integer.MAX_VALUE})
    void a_limit_outside_1_to_1000_is_rejected(int limit) {
        assertThatThrownBy(() -> new ListReceipts.Query(GENERAL, 1, limit, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("limit", "must be an integer from 1 to 1000")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, ListReceipts.DEFAULT_LIMIT, ListReceipts.MAX_LIMIT})
    void a_limit_from_1_to_1000_is_accepted(int limit) {
        assertThat(new ListReceipts.Query(GENERAL, 1, limit, Optional.empty()).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_seq_below_1_is_rejected(long seq) {
        assertThatThrownBy(() -> new ListReceipts.Query(GENERAL, seq, 10, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("seq"));
    }

    @Test
    void no_cursor_given_means_the_first_page() {
        assertThat(new ListReceipts.Query(GENERAL, 1, 10, null).after()).isEmpty();
    }

    @Test
    void the_default_page_holds_a_hundred() {
        assertThat(ListReceipts.DEFAULT_LIMIT).isEqualTo(100);
    }

    private Optional<Receipts> list(int limit, UserId after) {
        return listReceipts.list(new ListReceipts.Query(GENERAL, 2, limit, Optional.ofNullable(after)));
    }
}
