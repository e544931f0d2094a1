package io.readstate.app.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.app.api.ApiException;
import io.readstate.app.api.EventItem;
import io.readstate.app.api.EventResult;
import io.readstate.app.api.EventResults;
import io.readstate.app.api.EventsRequest;
import io.readstate.app.api.RequestBodies;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.usecase.ApplyEvents;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /v1/events}: a batch of events. Each item is read on its own; a bad one is
 * answered with its error and does not stop the others. The good ones are applied in
 * order, in one call to the store.
 */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {

    private final ApplyEvents applyEvents;
    private final RequestBodies bodies;

    public EventsResource(ApplyEvents applyEvents, RequestBodies bodies) {
        this.applyEvents = applyEvents;
        this.bodies = bodies;
    }

    @POST
    public EventResults apply(InputStream body) {
        List<JsonNode> items = EventsRequest.items(bodies.required(body));
        EventResult[] results = new EventResult[items.size()];
        List<ChannelEvent> events = new ArrayList<>(items.size());
        List<Integer> indexes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                events.add(EventItem.read(items.get(i)));
                indexes.add(i);
            } catch (InvalidInput invalid) {
                results[i] = EventResult.rejected(i, ApiException.invalid(invalid));
            }
        }
        List<Outcome> outcomes = applyEvents.apply(events);
        for (int k = 0; k < outcomes.size(); k++) {
            results[indexes.get(k)] = result(indexes.get(k), outcomes.get(k));
        }
        return new EventResults(Arrays.asList(results));
    }

    private static EventResult result(int index, Outcome outcome) {
        if (Outcomes.isRejection(outcome)) {
            return EventResult.rejected(index, Outcomes.rejection(outcome));
        }
        return EventResult.recorded(index, Outcomes.successStatus(outcome), outcome.applied());
    }
}
