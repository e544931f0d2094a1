package io.readstate.adapters.postgres;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code messages} of each channel's window and the {@code mentions} by name they carry. */
interface MessageRowsDao {

    @SqlUpdate("INSERT INTO messages (channel_id, seq, mention_all) VALUES (:channel, :seq, :mentionAll)")
    void insert(@Bind("channel") String channelId, @Bind("seq") long seq, @Bind("mentionAll") boolean mentionAll);

    /** Records a mention for each named user who is a member, sender excepted; returns how many. */
    @SqlUpdate("INSERT INTO mentions (channel_id, seq, user_id, generation)"
            + " SELECT channel_id, :seq, user_id, generation FROM members"
            + " WHERE channel_id = :channel AND present AND user_id = ANY(:users) AND user_id <> :sender"
            + " ORDER BY user_id")
    int recordMentions(@Bind("channel") String channelId, @Bind("seq") long seq, @Bind("sender") String senderId,
                       @Bind("users") String[] mentioned);

    /**
     * Trims the window: the message with {@code skip} older ones in the window becomes its
     * floor, and the rows at or below the floor go. Returns the new floor.
     */
    @SqlQuery("""
            WITH new_floor AS (
                SELECT seq FROM messages WHERE channel_id = :channel AND seq > :floor AND NOT deleted
                ORDER BY seq OFFSET :skip LIMIT 1),
            trimmed_mentions AS (
                DELETE FROM mentions WHERE channel_id = :channel AND seq <= (SELECT seq FROM new_floor)),
            trimmed_messages AS (
                DELETE FROM messages WHERE channel_id = :channel AND seq <= (SELECT seq FROM new_floor))
            SELECT seq FROM new_floor
            """)
    long trimWindow(@Bind("channel") String channelId, @Bind("floor") long windowFloor, @Bind("skip") int skip);

    /** Returns 1 when the message was in the window and is deleted now, 0 otherwise. */
    @SqlUpdate("UPDATE messages SET deleted = true"
            + " WHERE channel_id = :channel AND seq = :seq AND seq > :floor AND NOT deleted")
    int markDeleted(@Bind("channel") String channelId, @Bind("seq") long seq, @Bind("floor") long windowFloor);

    @SqlUpdate("DELETE FROM mentions WHERE channel_id = :channel AND seq = :seq")
    void forgetMentionsAt(@Bind("channel") String channelId, @Bind("seq") long seq);
}
