package io.readstate.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.usecase.ApplyEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The envelope of {@code POST /v1/events}: {@code {"events": [...]}} with 1 to 1,000 items, else rejected whole. */
public final class EventsRequest {

    private EventsRequest() {
    }

    /** The items, unread; throws {@link InvalidInput} when the envelope is not as it should be. */
    public static List<JsonNode> items(JsonNode body) {
        Problems problems = new Problems();
        JsonObjectReader.of(body, "body", Set.of("events"), problems);
        problems.throwIfAny();
        JsonNode events = body.get("events");
        if (events == null || events.isNull()) {
            throw InvalidInput.of("events", "is required");
        }
        if (!events.isArray() || events.isEmpty() || events.size() > ApplyEvents.MAX_EVENTS) {
            throw InvalidInput.of("events", "must be an array of 1 to " + ApplyEvents.MAX_EVENTS + " events");
        }
        List<JsonNode> items = new ArrayList<>(events.size());
        events.forEach(items::add);
        return items;
    }
}
