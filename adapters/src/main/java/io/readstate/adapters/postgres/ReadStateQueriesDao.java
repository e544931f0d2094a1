package io.readstate.adapters.postgres;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The read state as the contract shows it, each answer one statement (one snapshot).
 * A member counts the window's messages after its read position, and of those the ones
 * that mention everyone or that mention it by name under its current generation.
 */
interface ReadStateQueriesDao {

    String MEMBER_STATE = """
            SELECT m.channel_id, m.user_id, w.unread, m.last_read_seq < c.window_floor AS unread_capped,
                   w.mention_all + n.by_name AS mentions, m.last_read_seq, m.last_read_at, c.head_seq
            FROM members m
            JOIN channels c ON c.channel_id = m.channel_id
            CROSS JOIN LATERAL (
                SELECT count(*) AS unread, count(*) FILTER (WHERE x.mention_all) AS mention_all
                FROM messages x
                WHERE x.channel_id = m.channel_id AND x.seq > greatest(m.last_read_seq, c.window_floor)
                  AND NOT x.deleted) w
            CROSS JOIN LATERAL (
                SELECT count(*) AS by_name
                FROM mentions t JOIN messages x ON x.channel_id = t.channel_id AND x.seq = t.seq
                WHERE t.channel_id = m.channel_id AND t.user_id = m.user_id AND t.generation = m.generation
                  AND t.seq > greatest(m.last_read_seq, c.window_floor) AND NOT x.deleted) n
            """;

    String MEMBER_COUNT = "(SELECT count(*) FROM members p WHERE p.channel_id = c.channel_id AND p.present)";

    @SqlQuery(MEMBER_STATE + " WHERE m.channel_id = :channel AND m.user_id = :user AND m.present")
    @RegisterConstructorMapper(MemberStateRow.class)
    Optional<MemberStateRow> member(@Bind("channel") String channelId, @Bind("user") String userId);

    @SqlQuery(MEMBER_STATE + " WHERE m.user_id = :user AND m.present")
    @RegisterConstructorMapper(MemberStateRow.class)
    List<MemberStateRow> memberships(@Bind("user") String userId);

    @SqlQuery("SELECT c.channel_id, c.head_seq, " + MEMBER_COUNT + " AS member_count, c.last_message_at"
            + " FROM channels c WHERE c.channel_id = :channel")
    @RegisterConstructorMapper(ChannelSummaryRow.class)
    Optional<ChannelSummaryRow> channel(@Bind("channel") String channelId);

    @SqlQuery("SELECT " + MEMBER_COUNT + " AS member_count,"
            + " ARRAY(SELECT r.user_id FROM members r WHERE r.channel_id = c.channel_id AND r.present"
            + " AND r.last_read_seq >= :seq ORDER BY r.user_id) AS user_ids"
            + " FROM channels c WHERE c.channel_id = :channel")
    @RegisterConstructorMapper(ReadersRow.class)
    Optional<ReadersRow> readers(@Bind("channel") String channelId, @Bind("seq") long seq);
}
