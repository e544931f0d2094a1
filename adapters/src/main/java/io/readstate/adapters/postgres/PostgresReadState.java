package io.readstate.adapters.postgres;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import io.readstate.domain.port.RecordChannelEvents;
import io.readstate.domain.port.StoreUnavailable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The read state kept in PostgreSQL alone (write-through): every list of events is one
 * transaction, applied in order, so that a failure changes nothing. Writers of one
 * channel take turns on its {@code channels} row. The {@link Jdbi} needs the SqlObject plugin.
 */
public final class PostgresReadState implements RecordChannelEvents, LoadReadState {

    private final Jdbi jdbi;
    private final int windowSize;
    private final ReadStateQueriesDao queries;

    public PostgresReadState(Jdbi jdbi, int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("the window must hold at least one message");
        }
        this.jdbi = jdbi;
        this.windowSize = windowSize;
        this.queries = jdbi.onDemand(ReadStateQueriesDao.class);
    }

    /** Applies the whole list in one transaction: all of it, or (on {@link StoreUnavailable}) none of it. */
    @Override
    public List<Outcome> record(List<ChannelEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return reachable(() -> jdbi.inTransaction(handle -> new ChannelEventWriter(handle, windowSize).applyAll(events)));
    }

    @Override
    public Optional<ChannelSummary> channel(ChannelId channelId) {
        return reachable(() -> queries.channel(channelId.value()).map(ChannelSummaryRow::toSummary));
    }

    @Override
    public Optional<MemberState> member(ChannelId channelId, UserId userId) {
        return reachable(() -> queries.member(channelId.value(), userId.value()).map(MemberStateRow::toMemberState));
    }

    @Override
    public List<MemberState> memberships(UserId userId) {
        return reachable(() -> queries.memberships(userId.value()).stream().map(MemberStateRow::toMemberState).toList());
    }

    @Override
    public Optional<Readers> readers(ChannelId channelId, long seq) {
        return reachable(() -> queries.readers(channelId.value(), seq).map(ReadersRow::toReaders));
    }

    private static <T> T reachable(Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            throw new StoreUnavailable("PostgreSQL could not serve the request: " + e.getMessage(), e);
        }
    }
}
