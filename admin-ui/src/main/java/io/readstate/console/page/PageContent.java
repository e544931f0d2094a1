package io.readstate.console.page;

import io.readstate.console.ActionResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one rendering of the console page shows: the snapshot, the token its forms
 * carry, and, when there is one, the result of the action just taken and a lookup.
 *
 * @param base          the path the console is served under, such as {@code /console}
 * @param lookupChannel the channel typed in the lookup form, echoed back ("" when none)
 * @param lookupUser    the user typed in the lookup form, echoed back ("" when none)
 */
public record PageContent(String base, String csrfToken, SnapshotView view, Optional<ActionOutcome> outcome,
                          Optional<LookupView> lookup, String lookupChannel, String lookupUser) {

    public PageContent {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lookup, "lookup");
        lookupChannel = lookupChannel == null ? "" : lookupChannel;
        lookupUser = lookupUser == null ? "" : lookupUser;
    }

    public static PageContent of(String base, String csrfToken, SnapshotView view) {
        return new PageContent(base, csrfToken, view, Optional.empty(), Optional.empty(), "", "");
    }

    public PageContent withOutcome(Optional<ActionOutcome> newOutcome) {
        return new PageContent(base, csrfToken, view, newOutcome, lookup, lookupChannel, lookupUser);
    }

    public PageContent withLookup(String channel, String user, LookupView result) {
        return new PageContent(base, csrfToken, view, outcome, Optional.of(result), channel, user);
    }

    /** The result to show under the action of that name, or null. */
    ActionResult resultOf(String action) {
        return outcome.filter(o -> o.action().equals(action)).map(ActionOutcome::result).orElse(null);
    }
}
