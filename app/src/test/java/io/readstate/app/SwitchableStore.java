package io.readstate.app;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.port.LoadReadState;
import io.readstate.domain.port.RecordChannelEvents;
import io.readstate.domain.rules.InMemoryReadState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Both ports over an {@link InMemoryReadState} that a test may replace with a fresh one,
 * or make fail; it counts the calls that record events.
 */
public final class SwitchableStore implements RecordChannelEvents, LoadReadState {

    private final int windowSize;
    private final AtomicInteger recordCalls = new AtomicInteger();
    private volatile InMemoryReadState state;
    private volatile Supplier<RuntimeException> failure;

    SwitchableStore(int windowSize) {
        this.windowSize = windowSize;
        reset();
    }

    public InMemoryReadState reset() {
        state = new InMemoryReadState(windowSize);
        failure = null;
        recordCalls.set(0);
        return state;
    }

    public InMemoryReadState state() {
        return state;
    }

    /** From now on every call throws what {@code failure} makes. */
    public void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    public int recordCalls() {
        return recordCalls.get();
    }

    @Override
    public List<Outcome> record(List<ChannelEvent> events) {
        recordCalls.incrementAndGet();
        return available().record(events);
    }

    @Override
    public Optional<ChannelSummary> channel(ChannelId channelId) {
        return available().channel(channelId);
    }

    @Override
    public Optional<MemberState> member(ChannelId channelId, UserId userId) {
        return available().member(channelId, userId);
    }

    @Override
    public List<MemberState> memberships(UserId userId) {
        return available().memberships(userId);
    }

    @Override
    public Optional<Readers> readers(ChannelId channelId, long seq) {
        return available().readers(channelId, seq);
    }

    private InMemoryReadState available() {
        Supplier<RuntimeException> failing = failure;
        if (failing != null) {
            throw failing.get();
        }
        return state;
    }
}
