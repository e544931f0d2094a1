package io.readstate.console.web;

import io.readstate.console.ActionResult;
import io.readstate.console.ConsoleBackend;
import io.readstate.console.ConsoleSnapshot;
import io.readstate.console.page.LookupView;
import io.readstate.console.page.SnapshotView;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Calls the backend for the servlet, turning what people typed into ids and anything the
 * backend throws into a result the page can show: nothing here throws.
 */
final class ConsoleActions {

    private static final System.Logger LOG = System.getLogger(ConsoleActions.class.getName());

    /** Typed values longer than this are cut when shown back: no id is longer than 64. */
    private static final int ECHO_LIMIT = 100;

    private final ConsoleBackend backend;
    private final Clock clock;

    ConsoleActions(ConsoleBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** The service now: its snapshot as the page shows it, and the snapshot itself when one could be taken. */
    record Current(Optional<ConsoleSnapshot> snapshot, SnapshotView view) {
    }

    Current current() {
        try {
            ConsoleSnapshot snapshot = backend.snapshot();
            return new Current(Optional.of(snapshot), SnapshotView.of(snapshot));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The console could not take a snapshot", e);
            return new Current(Optional.empty(),
                    SnapshotView.unavailable(clock.instant(), "The service state could not be read: " + describe(e)));
        }
    }

    ActionResult flush() {
        try {
            return backend.flushNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Flush from the console failed", e);
            return ActionResult.failed("Flush failed: " + describe(e));
        }
    }

    ActionResult rehydrate(ChannelId channel) {
        try {
            return backend.rehydrate(channel);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rehydrating a channel from the console failed", e);
            return ActionResult.failed("Rehydrating " + channel.value() + " failed: " + describe(e));
        }
    }

    /** The lookup of what was typed; a failed lookup when the ids are not valid or the backend throws. */
    LookupView lookup(String channelText, String userText) {
        ChannelId channel;
        Optional<UserId> user;
        try {
            channel = ChannelId.of(trimmed(channelText));
            user = trimmed(userText).isEmpty() ? Optional.empty() : Optional.of(UserId.of(trimmed(userText)));
        } catch (InvalidInput e) {
            return LookupView.failed(echo(channelText), echo(userText), e.getMessage());
        }
        try {
            return LookupView.of(backend.lookup(channel, user));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A lookup from the console failed", e);
            return LookupView.failed(echo(channelText), echo(userText), "The lookup failed: " + describe(e));
        }
    }

    static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }

    /** What was typed, as it may be shown back: trimmed and cut to a sane length. */
    static String echo(String text) {
        String t = trimmed(text);
        return t.length() <= ECHO_LIMIT ? t : t.substring(0, ECHO_LIMIT) + "…";
    }

    static String describe(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
