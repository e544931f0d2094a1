package io.readstate.app.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.app.api.JsonObjectReader;
import io.readstate.app.api.Problems;
import io.readstate.app.api.ReadRequest;
import io.readstate.app.api.ReadResponse;
import io.readstate.app.api.RequestBodies;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.usecase.MarkChannelRead;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** {@code POST /v1/channels/{channelId}/read}: a member has read the channel up to a position. */
@Path("/v1/channels/{channelId}/read")
@Produces(MediaType.APPLICATION_JSON)
public final class ReadResource {

    private final MarkChannelRead markChannelRead;
    private final RequestBodies bodies;

    public ReadResource(MarkChannelRead markChannelRead, RequestBodies bodies) {
        this.markChannelRead = markChannelRead;
        this.bodies = bodies;
    }

    @POST
    public ReadResponse read(@PathParam("channelId") String channelId, InputStream body) {
        JsonNode json = bodies.required(body);
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        ChannelRead read = ReadRequest.read(channel, JsonObjectReader.of(json, "body", ReadRequest.FIELDS, problems));
        problems.throwIfAny();
        Outcome outcome = markChannelRead.read(read);
        if (Outcomes.isRejection(outcome)) {
            throw Outcomes.rejection(outcome);
        }
        return ReadResponse.of((Outcome.ReadRecorded) outcome);
    }
}
