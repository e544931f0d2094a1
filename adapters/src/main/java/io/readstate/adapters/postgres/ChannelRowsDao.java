package io.readstate.adapters.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code channels} table. Every change to a channel starts by locking its row, so
 * that writers of one channel take turns.
 */
interface ChannelRowsDao {

    @SqlQuery("SELECT head_seq, window_floor, window_count, generation FROM channels"
            + " WHERE channel_id = :channel FOR UPDATE")
    @RegisterConstructorMapper(ChannelRow.class)
    Optional<ChannelRow> lock(@Bind("channel") String channelId);

    @SqlUpdate("INSERT INTO channels (channel_id) VALUES (:channel) ON CONFLICT (channel_id) DO NOTHING")
    void createIfAbsent(@Bind("channel") String channelId);

    /** The channel's row, locked; the row is made first when the channel is new. */
    default ChannelRow lockCreatingIfAbsent(String channelId) {
        return lock(channelId).orElseGet(() -> {
            createIfAbsent(channelId);
            return lock(channelId).orElseThrow();
        });
    }

    /** Locks the rows of the channels that exist among {@code channelIds}, always in the same order. */
    @SqlQuery("SELECT channel_id FROM channels WHERE channel_id = ANY(:channels) ORDER BY channel_id FOR UPDATE")
    List<String> lockInOrder(@Bind("channels") String[] channelIds);

    @SqlUpdate("UPDATE channels SET head_seq = :seq, last_message_at = :sentAt, window_floor = :floor,"
            + " window_count = :count, updated_at = now() WHERE channel_id = :channel")
    void advanceHead(@Bind("channel") String channelId, @Bind("seq") long seq, @Bind("sentAt") Instant sentAt,
                     @Bind("floor") long windowFloor, @Bind("count") int windowCount);

    @SqlUpdate("UPDATE channels SET window_count = window_count - 1, updated_at = now() WHERE channel_id = :channel")
    void messageLeftWindow(@Bind("channel") String channelId);

    /** Hands out {@code count} new membership generations and returns the last of them. */
    @SqlQuery("UPDATE channels SET generation = generation + :count, updated_at = now()"
            + " WHERE channel_id = :channel RETURNING generation")
    long handOutGenerations(@Bind("channel") String channelId, @Bind("count") int count);
}
