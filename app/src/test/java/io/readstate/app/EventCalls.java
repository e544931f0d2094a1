package io.readstate.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.readstate.app.api.Instants;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;

/**
 * A domain event as the HTTP request a chat service sends for it: to its own endpoint,
 * or as an item of {@code POST /v1/events}. Joins carry no time over HTTP; the server
 * stamps them. With {@code withTimes} false, messages and reads leave their time out too.
 */
final class EventCalls {

    /** One request: method, path and JSON body (null for none). */
    record Call(String method, String path, String body) {
    }

    private EventCalls() {
    }

    static Call single(ChannelEvent event, boolean withTimes) {
        String channel = "/v1/channels/" + event.channelId().value();
        if (event instanceof MessagePosted m) {
            ObjectNode body = fields(m, withTimes);
            return new Call("POST", channel + "/messages", body.toString());
        } else if (event instanceof ChannelRead r) {
            return new Call("POST", channel + "/read", fields(r, withTimes).toString());
        } else if (event instanceof MemberJoined j) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            j.lastReadSeq().ifPresent(seq -> body.put("lastReadSeq", seq));
            return new Call("PUT", channel + "/members/" + j.userId().value(), body.isEmpty() ? null : body.toString());
        } else if (event instanceof MembersJoined j) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode users = body.putArray("userIds");
            j.userIds().forEach(user -> users.add(user.value()));
            return new Call("PUT", channel + "/members", body.toString());
        } else if (event instanceof MemberLeft l) {
            return new Call("DELETE", channel + "/members/" + l.userId().value(), null);
        }
        return new Call("DELETE", channel + "/messages/" + ((MessageDeleted) event).seq(), null);
    }

    /** The event as a batch item; bulk joins are no event type. */
    static ObjectNode item(ChannelEvent event, boolean withTimes) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        if (event instanceof MessagePosted m) {
            item.put("type", "message").put("channelId", m.channelId().value()).setAll(fields(m, withTimes));
        } else if (event instanceof ChannelRead r) {
            item.put("type", "read").put("channelId", r.channelId().value()).setAll(fields(r, withTimes));
        } else if (event instanceof MemberJoined j) {
            item.put("type", "join").put("channelId", j.channelId().value()).put("userId", j.userId().value());
            j.lastReadSeq().ifPresent(seq -> item.put("lastReadSeq", seq));
        } else if (event instanceof MemberLeft l) {
            item.put("type", "leave").put("channelId", l.channelId().value()).put("userId", l.userId().value());
        } else if (event instanceof MessageDeleted d) {
            item.put("type", "delete").put("channelId", d.channelId().value()).put("seq", d.seq());
        } else {
            throw new IllegalArgumentException("no batch item for " + event);
        }
        return item;
    }

    private static ObjectNode fields(MessagePosted m, boolean withTimes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("seq", m.seq()).put("senderId", m.senderId().value());
        if (withTimes) {
            body.put("sentAt", Instants.format(m.sentAt()));
        }
        ArrayNode mentions = body.putArray("mentions");
        m.mentions().stream().map(UserId::value).sorted().forEach(mentions::add);
        return body.put("mentionAll", m.mentionAll());
    }

    private static ObjectNode fields(ChannelRead r, boolean withTimes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("userId", r.userId().value());
        r.upToSeq().ifPresent(seq -> body.put("seq", seq));
        if (withTimes) {
            body.put("readAt", Instants.format(r.readAt()));
        }
        return body;
    }
}
