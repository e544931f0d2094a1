package io.readstate.console.page;

import io.readstate.console.ActionResult;
import java.util.Objects;

/** The result of an operator's action, named by the action ({@code flush} or {@code rehydrate}) it belongs to. */
public record ActionOutcome(String action, ActionResult result) {

    public static final String FLUSH = "flush";
    public static final String REHYDRATE = "rehydrate";

    public ActionOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
    }
}
