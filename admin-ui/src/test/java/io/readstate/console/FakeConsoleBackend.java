package io.readstate.console;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** An in-memory backend: answers what it is given and remembers what it was asked to do. */
public final class FakeConsoleBackend implements ConsoleBackend {

    private volatile ConsoleSnapshot snapshot = SnapshotBuilder.aSnapshot().build();
    private volatile RuntimeException snapshotFailure;
    private volatile ActionResult flushResult = ActionResult.succeeded("Flushed 1,024 rows in 84 ms; backlog left: 0");
    private volatile BiFunction<ChannelId, Optional<UserId>, Lookup> lookups = FakeConsoleBackend::agreeing;
    private final List<String> flushes = new CopyOnWriteArrayList<>();
    private final List<ChannelId> rehydrated = new CopyOnWriteArrayList<>();

    public FakeConsoleBackend showing(ConsoleSnapshot next) {
        this.snapshot = next;
        this.snapshotFailure = null;
        return this;
    }

    /** Breaks the contract on purpose: the console must survive a backend whose snapshot throws. */
    public FakeConsoleBackend failingSnapshotsWith(RuntimeException failure) {
        this.snapshotFailure = failure;
        return this;
    }

    public FakeConsoleBackend flushAnswering(ActionResult result) {
        this.flushResult = result;
        return this;
    }

    public FakeConsoleBackend lookingUpWith(BiFunction<ChannelId, Optional<UserId>, Lookup> answer) {
        this.lookups = answer;
        return this;
    }

    public List<String> flushes() {
        return flushes;
    }

    public List<ChannelId> rehydrated() {
        return rehydrated;
    }

    @Override
    public ConsoleSnapshot snapshot() {
        RuntimeException failure = snapshotFailure;
        if (failure != null) {
            throw failure;
        }
        return snapshot;
    }

    @Override
    public ActionResult flushNow() {
        flushes.add("flush");
        return flushResult;
    }

    @Override
    public ActionResult rehydrate(ChannelId channel) {
        rehydrated.add(channel);
        return ActionResult.succeeded("Rehydrated " + channel.value() + ": 42 members, head 1,204");
    }

    @Override
    public Lookup lookup(ChannelId channel, Optional<UserId> user) {
        return lookups.apply(channel, user);
    }

    private static Lookup agreeing(ChannelId channel, Optional<UserId> user) {
        StoreReading same = Readings.channel(channel, 1_204, 42).withMember(user, 1_200, 4, 1);
        return new Lookup(channel, user, same, same, false);
    }
}
