package io.readstate.app.resources;

import io.readstate.app.api.Problems;
import io.readstate.app.api.UnreadResponse;
import io.readstate.domain.model.UserId;
import io.readstate.domain.usecase.SummarizeUnread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/users/{userId}/unread[?include=all]}: a user's totals over every
 * membership, listing the channels with something unread (or all of them).
 */
@Path("/v1/users/{userId}/unread")
@Produces(MediaType.APPLICATION_JSON)
public final class UnreadResource {

    private final SummarizeUnread summarizeUnread;

    public UnreadResource(SummarizeUnread summarizeUnread) {
        this.summarizeUnread = summarizeUnread;
    }

    @GET
    public UnreadResponse summarize(@PathParam("userId") String userId, @QueryParam("include") String include) {
        Problems problems = new Problems();
        UserId user = problems.userId("userId", userId);
        if (include != null && !include.equals("all")) {
            problems.add("include", "must be all when given");
        }
        problems.throwIfAny();
        return UnreadResponse.of(summarizeUnread.summarize(user, include != null));
    }
}
