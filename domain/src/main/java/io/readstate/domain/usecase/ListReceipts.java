package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.Receipts;
import io.readstate.domain.model.Seq;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import java.util.List;
import java.util.Optional;

/**
 * Who has read a message: the members whose read position is at or past its seq, one
 * page at a time, sorted by user id. Empty when the channel is unknown.
 */
public final class ListReceipts {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    private final LoadReadState state;

    public ListReceipts(LoadReadState state) {
        this.state = state;
    }

    /** One page request: the message, the page size and the cursor (exclusive). */
    public record Query(ChannelId channelId, long seq, int limit, Optional<UserId> after) {
        public Query {
            Seq.requireValid("seq", seq);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw InvalidInput.of("limit", "must be an integer from 1 to " + MAX_LIMIT);
            }
            after = after == null ? Optional.empty() : after;
        }
    }

    public Optional<Receipts> list(Query query) {
        return state.readers(query.channelId(), query.seq()).map(readers -> page(query, readers));
    }

    private static Receipts page(Query query, Readers readers) {
        List<UserId> following = readers.userIds().stream()
                .filter(user -> query.after().map(after -> user.compareTo(after) > 0).orElse(true))
                .sorted()
                .toList();
        boolean more = following.size() > query.limit();
        List<UserId> page = more ? following.subList(0, query.limit()) : following;
        UserId next = more ? page.get(page.size() - 1) : null;
        return new Receipts(query.channelId(), query.seq(), readers.userIds().size(), readers.memberCount(),
                page, next);
    }
}
