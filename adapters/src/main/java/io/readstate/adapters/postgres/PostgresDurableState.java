package io.readstate.adapters.postgres;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.model.durable.Checkpoint;
import io.readstate.domain.model.durable.MemberRecord;
import io.readstate.domain.model.durable.MessageRecord;
import io.readstate.domain.port.LoadDurableState;
import io.readstate.domain.port.StoreUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Whole channels read back from PostgreSQL, each in one read-only transaction. */
public final class PostgresDurableState implements LoadDurableState {

    private final Jdbi jdbi;

    public PostgresDurableState(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ChannelImage> load(ChannelId channelId) {
        return reachable(() -> jdbi.inTransaction(handle -> {
            DurableStateDao dao = handle.attach(DurableStateDao.class);
            String id = channelId.value();
            Optional<DurableStateDao.HeadRow> row = dao.head(id);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            DurableStateDao.HeadRow head = row.get();
            List<MemberRecord> members = dao.members(id).stream()
                    .map(m -> new MemberRecord(UserId.of(m.userId()), true, m.lastReadSeq(), m.lastReadAt(), m.generation()))
                    .toList();
            Map<Long, List<MessageRecord.Mention>> mentions = new HashMap<>();
            for (DurableStateDao.MentionImageRow mention : dao.mentions(id, head.windowFloor())) {
                mentions.computeIfAbsent(mention.seq(), seq -> new ArrayList<>())
                        .add(new MessageRecord.Mention(UserId.of(mention.userId()), mention.generation()));
            }
            List<MessageRecord> window = dao.window(id, head.windowFloor()).stream()
                    .map(m -> new MessageRecord(m.seq(), m.mentionAll(), mentions.getOrDefault(m.seq(), List.of())))
                    .toList();
            return Optional.of(new ChannelImage(channelId, new ChannelHead(head.headSeq(), head.lastMessageAt(),
                    head.windowFloor(), window.size(), head.generation()), members, window));
        }));
    }

    @Override
    public List<ChannelId> channelIds(Optional<ChannelId> after, int limit) {
        return reachable(() -> jdbi.withExtension(DurableStateDao.class,
                dao -> dao.channelIds(after.map(ChannelId::value).orElse(""), limit))
                .stream().map(ChannelId::of).toList());
    }

    @Override
    public long channelCount() {
        return reachable(() -> jdbi.withExtension(DurableStateDao.class, DurableStateDao::channelCount));
    }

    @Override
    public List<ChannelId> channelsOf(UserId userId) {
        return reachable(() -> jdbi.withExtension(DurableStateDao.class, dao -> dao.channelsOf(userId.value()))
                .stream().map(ChannelId::of).toList());
    }

    @Override
    public Optional<Checkpoint> lastCheckpoint() {
        return reachable(() -> jdbi.withExtension(DurableStateDao.class, DurableStateDao::lastCheckpoint));
    }

    private static <T> T reachable(Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            throw new StoreUnavailable("PostgreSQL could not be read: " + e.getMessage(), e);
        }
    }
}
