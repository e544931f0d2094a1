package io.readstate.app.api;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.UserId;
import java.util.OptionalLong;
import java.util.Set;

/** {@code {"lastReadSeq"?}}: a user joins a channel, reading from its head or from the position given. */
public final class JoinRequest {

    public static final Set<String> FIELDS = Set.of("lastReadSeq");

    private JoinRequest() {
    }

    /** The event, or null when the fields (or the ids) had problems. */
    public static MemberJoined read(ChannelId channel, UserId user, JsonObjectReader fields) {
        OptionalLong lastReadSeq = fields.optionalReadPosition("lastReadSeq");
        if (fields.problems().any()) {
            return null;
        }
        return fields.problems().check(() -> new MemberJoined(channel, user, lastReadSeq, null));
    }
}
