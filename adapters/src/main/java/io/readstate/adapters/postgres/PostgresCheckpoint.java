package io.readstate.adapters.postgres;

import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.Checkpoint;
import io.readstate.domain.model.durable.MemberRecord;
import io.readstate.domain.model.durable.MessageRecord;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.port.WriteCheckpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Writes a batch of coalesced channel changes in one transaction, one statement per
 * table per chunk of rows, each chunk sorted by primary key so that concurrent flushers
 * lock rows in the same order.
 */
public final class PostgresCheckpoint implements WriteCheckpoint {

    static final int CHUNK = 5_000;

    private final Jdbi jdbi;

    public PostgresCheckpoint(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record MemberRow(String channel, MemberRecord member) {
    }

    private record MessageRow(String channel, MessageRecord message) {
    }

    private record MentionRow(String channel, long seq, MessageRecord.Mention mention) {
    }

    private record DeletionRow(String channel, long seq) {
    }

    @Override
    public long write(List<ChannelChanges> changes, Optional<Checkpoint> checkpoint) {
        if (changes.isEmpty()) {
            checkpoint.ifPresent(this::advanceCheckpoint);
            return 0;
        }
        List<ChannelChanges> channels = changes.stream().sorted(Comparator.comparing(ChannelChanges::channelId)).toList();
        List<MemberRow> members = new ArrayList<>();
        List<MessageRow> messages = new ArrayList<>();
        List<MentionRow> mentions = new ArrayList<>();
        List<DeletionRow> deletions = new ArrayList<>();
        for (ChannelChanges channel : channels) {
            String id = channel.channelId().value();
            channel.members().stream().sorted(Comparator.comparing(MemberRecord::userId))
                    .forEach(member -> members.add(new MemberRow(id, member)));
            channel.newMessages().stream().sorted(Comparator.comparingLong(MessageRecord::seq)).forEach(message -> {
                messages.add(new MessageRow(id, message));
                message.mentions().stream().sorted(Comparator.comparing(MessageRecord.Mention::userId))
                        .forEach(mention -> mentions.add(new MentionRow(id, message.seq(), mention)));
            });
            channel.deletedSeqs().stream().sorted().forEach(seq -> deletions.add(new DeletionRow(id, seq)));
        }
        try {
            return jdbi.inTransaction(handle -> {
                CheckpointDao dao = handle.attach(CheckpointDao.class);
                long rows = inChunks(channels, chunk -> dao.upsertChannels(
                        strings(chunk, c -> c.channelId().value()), longs(chunk, c -> c.head().headSeq()),
                        longs(chunk, c -> millis(c.head().lastMessageAt())), longs(chunk, c -> c.head().windowFloor()),
                        ints(chunk, c -> (int) c.head().windowCount()), longs(chunk, c -> c.head().generation())));
                rows += inChunks(members, chunk -> dao.upsertMembers(strings(chunk, MemberRow::channel),
                        strings(chunk, r -> r.member().userId().value()), longs(chunk, r -> r.member().generation()),
                        chunk.stream().map(r -> r.member().present()).toArray(Boolean[]::new),
                        longs(chunk, r -> r.member().lastReadSeq()), longs(chunk, r -> millisOrZero(r.member().lastReadAt()))));
                rows += inChunks(messages, chunk -> dao.insertMessages(strings(chunk, MessageRow::channel),
                        longs(chunk, r -> r.message().seq()),
                        chunk.stream().map(r -> r.message().mentionAll()).toArray(Boolean[]::new)));
                rows += inChunks(mentions, chunk -> dao.insertMentions(strings(chunk, MentionRow::channel),
                        longs(chunk, MentionRow::seq), strings(chunk, r -> r.mention().userId().value()),
                        longs(chunk, r -> r.mention().generation())));
                rows += inChunks(deletions, chunk -> dao.markDeleted(strings(chunk, DeletionRow::channel),
                        longs(chunk, DeletionRow::seq)));
                List<ChannelChanges> trimmed = channels.stream().filter(c -> c.head().windowFloor() > 0).toList();
                if (!trimmed.isEmpty()) {
                    dao.probeByChannel();
                }
                inChunks(trimmed, chunk -> dao.trimMentions(strings(chunk, c -> c.channelId().value()),
                        longs(chunk, c -> c.head().windowFloor())));
                inChunks(trimmed, chunk -> dao.trimMessages(strings(chunk, c -> c.channelId().value()),
                        longs(chunk, c -> c.head().windowFloor())));
                checkpoint.ifPresent(made -> advance(dao, made));
                return rows;
            });
        } catch (JdbiException e) {
            throw new StoreUnavailable("PostgreSQL could not write the checkpoint: " + e.getMessage(), e);
        }
    }

    private void advanceCheckpoint(Checkpoint made) {
        try {
            jdbi.useExtension(CheckpointDao.class, dao -> advance(dao, made));
        } catch (JdbiException e) {
            throw new StoreUnavailable("PostgreSQL could not move the checkpoint: " + e.getMessage(), e);
        }
    }

    private static void advance(CheckpointDao dao, Checkpoint made) {
        dao.advanceCheckpoint(made.durableUntil().toEpochMilli(), made.takenBy().toEpochMilli());
    }

    private static <T> long inChunks(List<T> rows, ToIntFunction<List<T>> statement) {
        long written = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            written += statement.applyAsInt(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return written;
    }

    private static <T> String[] strings(List<T> rows, Function<T, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }

    private static <T> Long[] longs(List<T> rows, Function<T, Long> field) {
        return rows.stream().map(field).toArray(Long[]::new);
    }

    private static <T> Integer[] ints(List<T> rows, Function<T, Integer> field) {
        return rows.stream().map(field).toArray(Integer[]::new);
    }

    private static Long millis(Instant time) {
        return time == null ? null : time.toEpochMilli();
    }

    private static long millisOrZero(Instant time) {
        return time == null ? 0 : time.toEpochMilli();
    }
}
