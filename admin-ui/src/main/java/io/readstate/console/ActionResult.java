package io.readstate.console;

import java.util.Objects;

/** How an operator's action went: whether it succeeded, and one line saying what happened. */
public record ActionResult(boolean ok, String summary) {

    public ActionResult {
        Objects.requireNonNull(summary, "summary");
    }

    public static ActionResult succeeded(String summary) {
        return new ActionResult(true, summary);
    }

    public static ActionResult failed(String summary) {
        return new ActionResult(false, summary);
    }
}
