package io.readstate.console;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.util.Optional;

/**
 * What the operator console needs from the service. The service implements it; the
 * console only calls it. Every method may be called from several request threads at once.
 */
public interface ConsoleBackend {

    /**
     * The state of the service now. Never throws: a store that cannot be asked shows as
     * an unhealthy {@link Health} entry, and a snapshot that could be taken only in part
     * says so in {@link ConsoleSnapshot#problem()}.
     */
    ConsoleSnapshot snapshot();

    /** Writes every dirty entry to PostgreSQL now, and says what it wrote or why it could not. */
    ActionResult flushNow();

    /** Rebuilds one channel's Redis state from PostgreSQL, and says how it went. */
    ActionResult rehydrate(ChannelId channel);

    /**
     * What Redis and PostgreSQL each hold for one channel (and, when a user is given, for
     * that member), side by side, and whether the channel has changes not yet flushed.
     */
    Lookup lookup(ChannelId channel, Optional<UserId> user);
}
