package io.readstate.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One event the workload sends: as a request to its own endpoint, as an item of a
 * {@code /v1/events} batch, and as the domain event the reference rules apply. Times are
 * explicit wherever the contract takes them, so the expected state is deterministic; a
 * join is stamped by the server's clock, which the reference marks as unknown
 * ({@link #UNKNOWN_TIME}).
 */
sealed interface ChatEvent {

    /** The time the reference gives a join, whose real time only the server knows. */
    Instant UNKNOWN_TIME = Instant.EPOCH;

    String channel();

    /** The single-event request: method, path and body (null for none). */
    HttpCall call();

    /** The item of a {@code /v1/events} batch. */
    ObjectNode batchItem();

    /** The same event for the reference rules. */
    ChannelEvent rule();

    /** One HTTP request. */
    record HttpCall(String method, String path, String body) {
    }

    record Message(String channel, long seq, String sender, List<String> mentions, boolean mentionAll, Instant sentAt)
            implements ChatEvent {
        @Override
        public HttpCall call() {
            ObjectNode body = fields();
            body.remove("type");
            body.remove("channelId");
            return new HttpCall("POST", "/v1/channels/" + channel + "/messages", body.toString());
        }

        @Override
        public ObjectNode batchItem() {
            return fields();
        }

        private ObjectNode fields() {
            ObjectNode item = ServiceClient.JSON.createObjectNode().put("type", "message").put("channelId", channel)
                    .put("seq", seq).put("senderId", sender).put("sentAt", sentAt.toString()).put("mentionAll", mentionAll);
            mentions.forEach(item.putArray("mentions")::add);
            return item;
        }

        @Override
        public ChannelEvent rule() {
            return new MessagePosted(ChannelId.of(channel), seq, UserId.of(sender), sentAt,
                    mentions.stream().map(UserId::of).collect(Collectors.toSet()), mentionAll);
        }
    }

    record Read(String channel, String user, OptionalLong seq, Instant readAt) implements ChatEvent {
        @Override
        public HttpCall call() {
            ObjectNode body = batchItem();
            body.remove("type");
            body.remove("channelId");
            return new HttpCall("POST", "/v1/channels/" + channel + "/read", body.toString());
        }

        @Override
        public ObjectNode batchItem() {
            ObjectNode item = ServiceClient.JSON.createObjectNode().put("type", "read").put("channelId", channel)
                    .put("userId", user).put("readAt", readAt.toString());
            seq.ifPresent(value -> item.put("seq", value));
            return item;
        }

        @Override
        public ChannelEvent rule() {
            return new ChannelRead(ChannelId.of(channel), UserId.of(user), seq, readAt);
        }
    }

    record Join(String channel, String user, OptionalLong lastReadSeq) implements ChatEvent {
        @Override
        public HttpCall call() {
            String body = lastReadSeq.isPresent() ? "{\"lastReadSeq\":" + lastReadSeq.getAsLong() + "}" : null;
            return new HttpCall("PUT", "/v1/channels/" + channel + "/members/" + user, body);
        }

        @Override
        public ObjectNode batchItem() {
            ObjectNode item = ServiceClient.JSON.createObjectNode().put("type", "join").put("channelId", channel)
                    .put("userId", user);
            lastReadSeq.ifPresent(value -> item.put("lastReadSeq", value));
            return item;
        }

        @Override
        public ChannelEvent rule() {
            return new MemberJoined(ChannelId.of(channel), UserId.of(user), lastReadSeq, UNKNOWN_TIME);
        }
    }

    record Leave(String channel, String user) implements ChatEvent {
        @Override
        public HttpCall call() {
            return new HttpCall("DELETE", "/v1/channels/" + channel + "/members/" + user, null);
        }

        @Override
        public ObjectNode batchItem() {
            return ServiceClient.JSON.createObjectNode().put("type", "leave").put("channelId", channel).put("userId", user);
        }

        @Override
        public ChannelEvent rule() {
            return new MemberLeft(ChannelId.of(channel), UserId.of(user));
        }
    }

    record Delete(String channel, long seq) implements ChatEvent {
        @Override
        public HttpCall call() {
            return new HttpCall("DELETE", "/v1/channels/" + channel + "/messages/" + seq, null);
        }

        @Override
        public ObjectNode batchItem() {
            return ServiceClient.JSON.createObjectNode().put("type", "delete").put("channelId", channel).put("seq", seq);
        }

        @Override
        public ChannelEvent rule() {
            return new MessageDeleted(ChannelId.of(channel), seq);
        }
    }
}
