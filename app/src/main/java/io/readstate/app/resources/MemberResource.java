package io.readstate.app.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.app.api.BulkJoinRequest;
import io.readstate.app.api.JoinRequest;
import io.readstate.app.api.JsonObjectReader;
import io.readstate.app.api.MemberStateResponse;
import io.readstate.app.api.MembersAddedResponse;
import io.readstate.app.api.Problems;
import io.readstate.app.api.RequestBodies;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import io.readstate.domain.usecase.AddMembers;
import io.readstate.domain.usecase.JoinChannel;
import io.readstate.domain.usecase.LeaveChannel;
import io.readstate.domain.usecase.ShowMemberState;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** The members of a channel: join (one or many), leave, and one member's state. */
@Path("/v1/channels/{channelId}/members")
@Produces(MediaType.APPLICATION_JSON)
public final class MemberResource {

    private final JoinChannel joinChannel;
    private final AddMembers addMembers;
    private final LeaveChannel leaveChannel;
    private final ShowMemberState showMemberState;
    private final RequestBodies bodies;

    public MemberResource(JoinChannel joinChannel, AddMembers addMembers, LeaveChannel leaveChannel,
                          ShowMemberState showMemberState, RequestBodies bodies) {
        this.joinChannel = joinChannel;
        this.addMembers = addMembers;
        this.leaveChannel = leaveChannel;
        this.showMemberState = showMemberState;
        this.bodies = bodies;
    }

    /** 201 with the state of a new member, 200 with that of one who already was. */
    @PUT
    @Path("/{userId}")
    public Response join(@PathParam("channelId") String channelId, @PathParam("userId") String userId,
                         InputStream body) {
        JsonNode json = bodies.optional(body);
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        UserId user = problems.userId("userId", userId);
        MemberJoined join = JoinRequest.read(channel, user, JsonObjectReader.of(json, "body", JoinRequest.FIELDS, problems));
        problems.throwIfAny();
        Outcome outcome = joinChannel.join(join);
        if (Outcomes.isRejection(outcome)) {
            throw Outcomes.rejection(outcome);
        }
        Outcome.Joined joined = (Outcome.Joined) outcome;
        return Response.status(Outcomes.successStatus(joined)).entity(MemberStateResponse.of(joined.state())).build();
    }

    @PUT
    public MembersAddedResponse addAll(@PathParam("channelId") String channelId, InputStream body) {
        JsonNode json = bodies.required(body);
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        MembersJoined join = BulkJoinRequest.read(channel, JsonObjectReader.of(json, "body", BulkJoinRequest.FIELDS, problems));
        problems.throwIfAny();
        return MembersAddedResponse.of(addMembers.add(join));
    }

    @DELETE
    @Path("/{userId}")
    public Response leave(@PathParam("channelId") String channelId, @PathParam("userId") String userId) {
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        UserId user = problems.userId("userId", userId);
        problems.throwIfAny();
        Outcome outcome = leaveChannel.leave(new MemberLeft(channel, user));
        if (Outcomes.isRejection(outcome)) {
            throw Outcomes.rejection(outcome);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{userId}")
    public MemberStateResponse show(@PathParam("channelId") String channelId, @PathParam("userId") String userId) {
        Problems problems = new Problems();
        ChannelId channel = problems.channelId(channelId);
        UserId user = problems.userId("userId", userId);
        problems.throwIfAny();
        return showMemberState.show(channel, user).map(MemberStateResponse::of)
                .orElseThrow(() -> Outcomes.rejection(new Outcome.NotAMember(channel, user)));
    }
}
