package io.readstate.app.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.app.api.JsonObjectReader;
import io.readstate.app.api.MessageRequest;
import io.readstate.app.api.MessageResponse;
import io.readstate.app.api.Problems;
import io.readstate.app.api.RequestBodies;
import io.readstate.app.api.TextParams;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.usecase.DeleteMessage;
import io.readstate.domain.usecase.PostMessage;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.OptionalLong;

/** The messages of a channel: a new one (or one delivered again), and deleting one. */
@Path("/v1/channels/{channelId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public final class MessageResource {

    private final PostMessage postMessage;
    private final DeleteMessage deleteMessage;
    private final RequestBodies bodies;

    public MessageResource(PostMessage postMessage, DeleteMessage deleteMessage, RequestBodies bodies) {
        this.postMessage = postMessage;
        this.deleteMessage = deleteMessage;
        this.bodies = bodies;
    }

    @POST
    public MessageResponse post(@PathParam("channelId") String channelId, InputStream body) {
        JsonNode json = bodies.required(body);
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        MessagePosted message = MessageRequest.read(channel,
                JsonObjectReader.of(json, "body", MessageRequest.FIELDS, problems));
        problems.throwIfAny();
        return MessageResponse.of(postMessage.post(message));
    }

    /** 204 whether or not the message was known. */
    @DELETE
    @Path("/{seq}")
    public Response delete(@PathParam("channelId") String channelId, @PathParam("seq") String seq) {
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        OptionalLong position = TextParams.seq("seq", seq, problems);
        problems.throwIfAny();
        deleteMessage.delete(new MessageDeleted(channel, position.getAsLong()));
        return Response.noContent().build();
    }
}
