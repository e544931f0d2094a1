package io.readstate.console;

import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values of a {@link Lookup} that both stores keep, field by field: the channel's
 * head, member count and last message time, and (when a user was asked for) the member's
 * read position, unread and mention counts. Instants are compared to the millisecond,
 * the precision both stores keep.
 */
public final class LookupComparison {

    private LookupComparison() {
    }

    public static List<ComparedField> fieldsOf(Lookup lookup) {
        Optional<ChannelSummary> redis = lookup.redis().channel();
        Optional<ChannelSummary> postgres = lookup.postgres().channel();
        List<ComparedField> fields = new ArrayList<>();
        fields.add(new ComparedField("Channel known", redis.isPresent(), postgres.isPresent()));
        fields.add(field("Head seq", redis, postgres, ChannelSummary::headSeq));
        fields.add(field("Members", redis, postgres, ChannelSummary::memberCount));
        fields.add(field("Last message at", redis, postgres, c -> toMillis(c.lastMessageAt())));
        if (lookup.user().isPresent()) {
            Optional<MemberState> redisMember = lookup.redis().member();
            Optional<MemberState> postgresMember = lookup.postgres().member();
            fields.add(new ComparedField("Member", redisMember.isPresent(), postgresMember.isPresent()));
            fields.add(field("Last read seq", redisMember, postgresMember, MemberState::lastReadSeq));
            fields.add(field("Unread", redisMember, postgresMember, MemberState::unread));
            fields.add(field("Mentions", redisMember, postgresMember, MemberState::mentions));
        }
        return List.copyOf(fields);
    }

    private static <T> ComparedField field(String label, Optional<T> redis, Optional<T> postgres,
                                           Function<T, Object> value) {
        return new ComparedField(label, redis.map(value).orElse(null), postgres.map(value).orElse(null));
    }

    private static Instant toMillis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
