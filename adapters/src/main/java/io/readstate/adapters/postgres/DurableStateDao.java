package io.readstate.adapters.postgres;

import io.readstate.domain.model.durable.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads whole channels back, to rebuild Redis. */
public interface DurableStateDao {

    record HeadRow(long headSeq, Instant lastMessageAt, long windowFloor, long windowCount, long generation) {
    }

    record MemberImageRow(String userId, long lastReadSeq, Instant lastReadAt, long generation) {
    }

    record WindowMessageRow(long seq, boolean mentionAll) {
    }

    record MentionImageRow(long seq, String userId, long generation) {
    }

    @SqlQuery("""
            SELECT head_seq, last_message_at, window_floor, window_count, generation
            FROM channels WHERE channel_id = :channel
            """)
    @RegisterConstructorMapper(HeadRow.class)
    Optional<HeadRow> head(@Bind("channel") String channel);

    @SqlQuery("""
            SELECT user_id, last_read_seq, last_read_at, generation
            FROM members WHERE channel_id = :channel AND present ORDER BY user_id
            """)
    @RegisterConstructorMapper(MemberImageRow.class)
    List<MemberImageRow> members(@Bind("channel") String channel);

    @SqlQuery("""
            SELECT seq, mention_all FROM messages
            WHERE channel_id = :channel AND seq > :floor AND NOT deleted ORDER BY seq
            """)
    @RegisterConstructorMapper(WindowMessageRow.class)
    List<WindowMessageRow> window(@Bind("channel") String channel, @Bind("floor") long floor);

    /** Mentions by name that still count: of the membership the user has now, of messages still in the window. */
    @SqlQuery("""
            SELECT mn.seq, mn.user_id, mn.generation
            FROM mentions mn
            JOIN members mb ON mb.channel_id = mn.channel_id AND mb.user_id = mn.user_id
                           AND mb.generation = mn.generation AND mb.present
            JOIN messages ms ON ms.channel_id = mn.channel_id AND ms.seq = mn.seq AND NOT ms.deleted
            WHERE mn.channel_id = :channel AND mn.seq > :floor
            ORDER BY mn.seq, mn.user_id
            """)
    @RegisterConstructorMapper(MentionImageRow.class)
    List<MentionImageRow> mentions(@Bind("channel") String channel, @Bind("floor") long floor);

    @SqlQuery("""
            SELECT channel_id FROM channels WHERE channel_id COLLATE "C" > :after
            ORDER BY channel_id COLLATE "C" LIMIT :limit
            """)
    List<String> channelIds(@Bind("after") String after, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM channels")
    long channelCount();

    @SqlQuery("SELECT channel_id FROM members WHERE user_id = :user AND present")
    List<String> channelsOf(@Bind("user") String user);

    @SqlQuery("SELECT durable_until, taken_by FROM sync_checkpoint")
    @RegisterConstructorMapper(Checkpoint.class)
    Optional<Checkpoint> lastCheckpoint();
}
