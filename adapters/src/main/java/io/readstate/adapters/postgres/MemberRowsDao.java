package io.readstate.adapters.postgres;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code members} table. A row with {@code present = false} is a departure: it keeps
 * its generation, and a user who joins again gets a new one.
 */
interface MemberRowsDao {

    @SqlQuery("SELECT last_read_seq FROM members WHERE channel_id = :channel AND user_id = :user AND present")
    Optional<Long> readPosition(@Bind("channel") String channelId, @Bind("user") String userId);

    @SqlQuery("SELECT user_id FROM members WHERE channel_id = :channel AND present AND user_id = ANY(:users)")
    Set<String> presentAmong(@Bind("channel") String channelId, @Bind("users") String[] userIds);

    @SqlQuery("SELECT count(*) FROM members WHERE channel_id = :channel AND present")
    long countPresent(@Bind("channel") String channelId);

    /** Returns 1 when the user is a member (and has moved), 0 when it is not one. */
    @SqlUpdate("UPDATE members SET last_read_seq = :seq, last_read_at = :at"
            + " WHERE channel_id = :channel AND user_id = :user AND present")
    int moveReadPosition(@Bind("channel") String channelId, @Bind("user") String userId,
                         @Bind("seq") long seq, @Bind("at") Instant at);

    /** Makes each user a member reading from {@code seq}, with its own new generation; users must be distinct. */
    @SqlUpdate("INSERT INTO members (channel_id, user_id, generation, present, last_read_seq, last_read_at)"
            + " SELECT :channel, t.user_id, t.generation, true, :seq, :at"
            + " FROM unnest(:users::text[], :generations::bigint[]) AS t(user_id, generation) ORDER BY t.user_id"
            + " ON CONFLICT (channel_id, user_id) DO UPDATE SET generation = excluded.generation, present = true,"
            + " last_read_seq = excluded.last_read_seq, last_read_at = excluded.last_read_at")
    void admit(@Bind("channel") String channelId, @Bind("users") String[] userIds,
               @Bind("generations") long[] generations, @Bind("seq") long readFrom, @Bind("at") Instant joinedAt);

    /** Returns 1 when the user left, 0 when it was not a member. */
    @SqlUpdate("UPDATE members SET present = false WHERE channel_id = :channel AND user_id = :user AND present")
    int depart(@Bind("channel") String channelId, @Bind("user") String userId);

    @SqlUpdate("DELETE FROM mentions WHERE channel_id = :channel AND user_id = :user")
    void forgetMentionsOf(@Bind("channel") String channelId, @Bind("user") String userId);
}
