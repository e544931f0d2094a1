package io.readstate.app.api;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.UserId;
import java.util.List;
import java.util.Set;

/** {@code {"userIds": [...]}}: 1 to 10,000 users join a channel at once. */
public final class BulkJoinRequest {

    public static final Set<String> FIELDS = Set.of("userIds");

    private BulkJoinRequest() {
    }

    /** The event, or null when the fields (or the channel) had problems. */
    public static MembersJoined read(ChannelId channel, JsonObjectReader fields) {
        List<UserId> users = fields.userIds("userIds", 1, MembersJoined.MAX_USERS);
        if (fields.problems().any()) {
            return null;
        }
        return fields.problems().check(() -> new MembersJoined(channel, users, null));
    }
}
