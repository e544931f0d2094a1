package io.readstate.app.resources;

import io.readstate.app.api.ApiException;
import io.readstate.app.api.Problems;
import io.readstate.app.api.ReceiptsResponse;
import io.readstate.app.api.TextParams;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.usecase.ListReceipts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code GET /v1/channels/{channelId}/receipts?seq=n&limit=100&after=userId}: who has read a message, a page at a time. */
@Path("/v1/channels/{channelId}/receipts")
@Produces(MediaType.APPLICATION_JSON)
public final class ReceiptsResource {

    private final ListReceipts listReceipts;

    public ReceiptsResource(ListReceipts listReceipts) {
        this.listReceipts = listReceipts;
    }

    @GET
    public ReceiptsResponse list(@PathParam("channelId") String channelId, @QueryParam("seq") String seq,
                                 @QueryParam("limit") String limit, @QueryParam("after") String after) {
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        OptionalLong position = TextParams.seq("seq", seq, problems);
        OptionalLong pageSize = limit == null ? OptionalLong.of(ListReceipts.DEFAULT_LIMIT)
                : TextParams.integer("limit", limit, 1, ListReceipts.MAX_LIMIT, problems);
        Optional<UserId> cursor = after == null ? Optional.empty() : Optional.ofNullable(problems.userId("after", after));
        problems.throwIfAny();
        ListReceipts.Query query = new ListReceipts.Query(channel, position.getAsLong(), (int) pageSize.getAsLong(), cursor);
        return listReceipts.list(query).map(ReceiptsResponse::of)
                .orElseThrow(() -> ApiException.notFound("Channel " + channel + " is unknown"));
    }
}
