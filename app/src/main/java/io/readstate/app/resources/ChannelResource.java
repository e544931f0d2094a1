package io.readstate.app.resources;

import io.readstate.app.api.ApiException;
import io.readstate.app.api.ChannelResponse;
import io.readstate.app.api.Problems;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.usecase.ShowChannel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/channels/{channelId}}: a channel's head, member count and last message time. */
@Path("/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelResource {

    private final ShowChannel showChannel;

    public ChannelResource(ShowChannel showChannel) {
        this.showChannel = showChannel;
    }

    @GET
    public ChannelResponse show(@PathParam("channelId") String channelId) {
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        problems.throwIfAny();
        return showChannel.show(channel).map(ChannelResponse::of)
                .orElseThrow(() -> ApiException.notFound("Channel " + channel + " is unknown"));
    }
}
