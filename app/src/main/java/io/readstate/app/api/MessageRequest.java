package io.readstate.app.api;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code {"seq", "senderId", "sentAt"?, "mentions"?, "mentionAll"?}}: a message posted to a channel. */
public final class MessageRequest {

    public static final Set<String> FIELDS = Set.of("seq", "senderId", "sentAt", "mentions", "mentionAll");

    private MessageRequest() {
    }

    /** The event, or null when the fields (or the channel) had problems. */
    public static MessagePosted read(ChannelId channel, JsonObjectReader fields) {
        long seq = fields.requiredSeq("seq");
        UserId sender = fields.requiredUserId("senderId");
        Instant sentAt = fields.optionalInstant("sentAt");
        List<UserId> mentions = fields.userIds("mentions", 0, MessagePosted.MAX_MENTIONS);
        boolean mentionAll = fields.optionalBoolean("mentionAll");
        if (fields.problems().any()) {
            return null;
        }
        return fields.problems().check(
                () -> new MessagePosted(channel, seq, sender, sentAt, new HashSet<>(mentions), mentionAll));
    }
}
