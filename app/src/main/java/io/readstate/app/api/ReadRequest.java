package io.readstate.app.api;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

/** {@code {"userId", "seq"?, "readAt"?}}: a member read a channel, up to its head when no seq is given. */
public final class ReadRequest {

    public static final Set<String> FIELDS = Set.of("userId", "seq", "readAt");

    private ReadRequest() {
    }

    /** The event, or null when the fields (or the channel) had problems. */
    public static ChannelRead read(ChannelId channel, JsonObjectReader fields) {
        UserId user = fields.requiredUserId("userId");
        OptionalLong seq = fields.optionalSeq("seq");
        Instant readAt = fields.optionalInstant("readAt");
        if (fields.problems().any()) {
            return null;
        }
        return fields.problems().check(() -> new ChannelRead(channel, user, seq, readAt));
    }
}
