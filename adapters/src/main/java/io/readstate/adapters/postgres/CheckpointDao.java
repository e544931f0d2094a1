package io.readstate.adapters.postgres;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The write-behind checkpoint, one statement per table for a whole batch of rows
 * (arrays unnested). Each write is idempotent and order-free, so two flushers writing
 * the same rows, in any order, end in the same state. Times travel as epoch milliseconds.
 */
public interface CheckpointDao {

    /** Heads, floors and generations only move forward; the window count and last message time follow the newest head. */
    @SqlUpdate("""
            INSERT INTO channels AS c (channel_id, head_seq, last_message_at, window_floor, window_count, generation)
            SELECT id, head, timestamptz 'epoch' + last_at * interval '1 millisecond', floor, window_count, generation
            FROM unnest(:ids::text[], :heads::bigint[], :lastAts::bigint[], :floors::bigint[], :counts::int[],
                        :generations::bigint[]) AS t(id, head, last_at, floor, window_count, generation)
            ON CONFLICT (channel_id) DO UPDATE SET
                head_seq = GREATEST(c.head_seq, excluded.head_seq),
                last_message_at = CASE WHEN excluded.head_seq >= c.head_seq
                                       THEN excluded.last_message_at ELSE c.last_message_at END,
                window_floor = GREATEST(c.window_floor, excluded.window_floor),
                window_count = CASE WHEN excluded.head_seq >= c.head_seq
                                    THEN excluded.window_count ELSE c.window_count END,
                generation = GREATEST(c.generation, excluded.generation),
                updated_at = now()
            """)
    int upsertChannels(@Bind("ids") String[] ids, @Bind("heads") Long[] heads, @Bind("lastAts") Long[] lastAts,
                       @Bind("floors") Long[] floors, @Bind("counts") Integer[] counts,
                       @Bind("generations") Long[] generations);

    /**
     * A membership's read position only moves forward; a newer generation replaces an
     * older one; a departure ends its own generation and nothing older can undo it.
     */
    @SqlUpdate("""
            INSERT INTO members AS m (channel_id, user_id, generation, present, last_read_seq, last_read_at)
            SELECT channel_id, user_id, generation, present, last_read_seq,
                   timestamptz 'epoch' + last_read_at * interval '1 millisecond'
            FROM unnest(:channels::text[], :users::text[], :generations::bigint[], :present::boolean[],
                        :seqs::bigint[], :readAts::bigint[])
                 AS t(channel_id, user_id, generation, present, last_read_seq, last_read_at)
            ON CONFLICT (channel_id, user_id) DO UPDATE SET
                generation = excluded.generation,
                present = excluded.present,
                last_read_seq = CASE WHEN m.generation = excluded.generation AND excluded.present
                                     THEN GREATEST(m.last_read_seq, excluded.last_read_seq)
                                     ELSE excluded.last_read_seq END,
                last_read_at = CASE WHEN m.generation = excluded.generation AND excluded.present
                                         AND m.last_read_seq > excluded.last_read_seq
                                    THEN m.last_read_at ELSE excluded.last_read_at END
            WHERE m.generation < excluded.generation OR (m.generation = excluded.generation AND m.present)
            """)
    int upsertMembers(@Bind("channels") String[] channels, @Bind("users") String[] users,
                      @Bind("generations") Long[] generations, @Bind("present") Boolean[] present,
                      @Bind("seqs") Long[] seqs, @Bind("readAts") Long[] readAts);

    @SqlUpdate("""
            INSERT INTO messages (channel_id, seq, mention_all)
            SELECT * FROM unnest(:channels::text[], :seqs::bigint[], :mentionAll::boolean[])
            ON CONFLICT (channel_id, seq) DO NOTHING
            """)
    int insertMessages(@Bind("channels") String[] channels, @Bind("seqs") Long[] seqs,
                       @Bind("mentionAll") Boolean[] mentionAll);

    @SqlUpdate("""
            INSERT INTO mentions (channel_id, seq, user_id, generation)
            SELECT * FROM unnest(:channels::text[], :seqs::bigint[], :users::text[], :generations::bigint[])
            ON CONFLICT (channel_id, seq, user_id) DO NOTHING
            """)
    int insertMentions(@Bind("channels") String[] channels, @Bind("seqs") Long[] seqs, @Bind("users") String[] users,
                       @Bind("generations") Long[] generations);

    /** Deletions are tombstones, so that a late insert of the same message cannot bring it back. */
    @SqlUpdate("""
            INSERT INTO messages AS m (channel_id, seq, deleted)
            SELECT channel_id, seq, true FROM unnest(:channels::text[], :seqs::bigint[]) AS t(channel_id, seq)
            ON CONFLICT (channel_id, seq) DO UPDATE SET deleted = true WHERE NOT m.deleted
            """)
    int markDeleted(@Bind("channels") String[] channels, @Bind("seqs") Long[] seqs);

    /**
     * For the rest of the transaction, the trims below probe each channel's rows by index.
     * Their tables are partitioned by channel: the planner costs a nested loop as if each
     * row of the chunk probed every partition, although at run time it probes one, so left
     * alone it hashes whole tables instead (and compiles the plan with JIT).
     */
    @SqlUpdate("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL jit = off")
    void probeByChannel();

    /** Messages that left the window are no longer needed. */
    @SqlUpdate("""
            DELETE FROM messages m USING unnest(:channels::text[], :floors::bigint[]) AS t(channel_id, floor)
            WHERE m.channel_id = t.channel_id AND m.seq <= t.floor
            """)
    int trimMessages(@Bind("channels") String[] channels, @Bind("floors") Long[] floors);

    @SqlUpdate("""
            DELETE FROM mentions m USING unnest(:channels::text[], :floors::bigint[]) AS t(channel_id, floor)
            WHERE m.channel_id = t.channel_id AND m.seq <= t.floor
            """)
    int trimMentions(@Bind("channels") String[] channels, @Bind("floors") Long[] floors);

    /** The checkpoint (epoch ms) moves forward, each of its times only forward. */
    @SqlUpdate("""
            INSERT INTO sync_checkpoint AS s (id, durable_until, taken_by)
            VALUES (1, timestamptz 'epoch' + :durableUntil * interval '1 millisecond',
                    timestamptz 'epoch' + :takenBy * interval '1 millisecond')
            ON CONFLICT (id) DO UPDATE SET durable_until = GREATEST(s.durable_until, excluded.durable_until),
                                           taken_by = GREATEST(s.taken_by, excluded.taken_by)
            """)
    void advanceCheckpoint(@Bind("durableUntil") long durableUntilMillis, @Bind("takenBy") long takenByMillis);
}
