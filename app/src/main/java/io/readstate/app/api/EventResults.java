package io.readstate.app.api;

import java.util.List;

/** The answer of {@code POST /v1/events}: one result per item, in the order of the items. */
public record EventResults(List<EventResult> results) {

    public EventResults {
        results = List.copyOf(results);
    }
}
