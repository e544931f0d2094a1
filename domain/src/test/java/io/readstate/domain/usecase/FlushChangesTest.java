package io.readstate.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelChanges;
import io.readstate.domain.model.durable.ChannelHead;
import io.readstate.domain.model.durable.Checkpoint;
import io.readstate.domain.model.durable.Claim;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.StoreUnavailable;
import io.readstate.domain.port.TrackChanges;
import io.readstate.domain.port.WriteCheckpoint;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlushChangesTest {

    /**
     * Dirty channels in a queue, claimed from the front, each with its dirty entries (2
     * unless set); records what was released and abandoned. A channel released with
     * entries left goes back to the queue.
     */
    private static final class DirtyChannels implements TrackChanges {
        final Deque<ChannelId> dirty = new ArrayDeque<>();
        final Map<ChannelId, Long> entries = new HashMap<>();
        final List<ChannelId> released = new ArrayList<>();
        final List<ChannelId> abandoned = new ArrayList<>();
        /** Claimed by the last take but given up there, past its entries: no longer held. */
        final List<ChannelId> givenUp = new ArrayList<>();
        int unreachableSettles;

        DirtyChannels(int count) {
            for (int i = 0; i < count; i++) {
                dirty.add(ChannelId.of("c" + i));
            }
        }

        @Override
        public Claim claim(int max) {
            List<ChannelId> claimed = new ArrayList<>();
            while (claimed.size() < max && !dirty.isEmpty()) {
                claimed.add(dirty.poll());
            }
            return new Claim(claimed, dirty.isEmpty());
        }

        @Override
        public List<ChannelChanges> takeChanges(List<ChannelId> claimed, long maxEntries) {
            List<ChannelChanges> taken = new ArrayList<>();
            givenUp.clear();
            long room = maxEntries;
            for (ChannelId id : claimed) {
                if (room == 0) {
                    abandon(List.of(id));
                    givenUp.add(id);
                    continue;
                }
                long pending = entries.getOrDefault(id, 2L);
                long take = Math.min(pending, room);
                room -= take;
                entries.put(id, pending - take);
                taken.add(new ChannelChanges(id, new ChannelHead(1, Instant.EPOCH, 0, 1, 1), List.of(), List.of(),
                        List.of(), take, take == pending));
            }
            return taken;
        }

        @Override
        public void release(List<ChannelId> claimed) {
            unreachableNow();
            for (ChannelId id : claimed) {
                if (givenUp.contains(id)) {
                    continue;
                }
                released.add(id);
                if (entries.getOrDefault(id, 0L) > 0) {
                    dirty.add(id);
                }
            }
        }

        @Override
        public void abandon(List<ChannelId> claimed) {
            unreachableNow();
            abandoned.addAll(claimed);
            claimed.forEach(dirty::addFirst);
        }

        private void unreachableNow() {
            if (unreachableSettles > 0) {
                unreachableSettles--;
                throw new StoreUnavailable("Redis timed out", null);
            }
        }

        @Override
        public void noteFlush(Instant at, long rowsWritten) {
        }

        @Override
        public SyncStatus status() {
            return new SyncStatus(dirty.size(), dirty.size(), Duration.ZERO, null, 0, 0);
        }
    }

    private final Clock clock = Clock.systemUTC();

    @Test
    void a_flush_writes_batch_after_batch_while_batches_come_back_full() {
        DirtyChannels changes = new DirtyChannels(7);
        List<Integer> transactions = new ArrayList<>();
        WriteCheckpoint checkpoint = (batch, made) -> {
            transactions.add(batch.size());
            return batch.size();
        };

        FlushReport report = new FlushChanges(changes, checkpoint, clock, 3, 100).flushAll(Duration.ofSeconds(5));

        assertThat(transactions).containsExactly(3, 3, 1);
        assertThat(report.channels()).isEqualTo(7);
        assertThat(report.entries()).isEqualTo(14);
        assertThat(changes.released).hasSize(7);
    }

    @Test
    void a_flush_stops_after_a_batch_that_is_not_full_even_if_more_became_dirty_meanwhile() {
        DirtyChannels changes = new DirtyChannels(2);
        List<Integer> transactions = new ArrayList<>();
        WriteCheckpoint checkpoint = (batch, made) -> {
            transactions.add(batch.size());
            changes.dirty.add(ChannelId.of("new-" + transactions.size()));
            return batch.size();
        };

        new FlushChanges(changes, checkpoint, clock, 3, 100).flushAll(Duration.ofSeconds(5));

        assertThat(transactions).containsExactly(2);
        assertThat(changes.dirty).containsExactly(ChannelId.of("new-1"));
    }

    @Test
    void a_failed_write_gives_the_claims_up_and_keeps_the_changes() {
        DirtyChannels changes = new DirtyChannels(2);
        WriteCheckpoint down = (batch, made) -> {
            throw new StoreUnavailable("PostgreSQL is down", null);
        };

        assertThatThrownBy(() -> new FlushChanges(changes, down, clock, 10, 100).flushBatch())
                .isInstanceOf(StoreUnavailable.class);

        assertThat(changes.released).isEmpty();
        assertThat(changes.abandoned).hasSize(2);
        assertThat(changes.dirty).hasSize(2);
    }

    @Test
    void a_give_up_the_hot_store_could_not_take_is_tried_again_before_the_next_batch() {
        DirtyChannels changes = new DirtyChannels(2);
        changes.unreachableSettles = 1;
        WriteCheckpoint down = (batch, made) -> {
            throw new StoreUnavailable("PostgreSQL is down", null);
        };
        FlushChanges flusher = new FlushChanges(changes, down, clock, 10, 100);

        assertThatThrownBy(flusher::flushBatch).isInstanceOf(StoreUnavailable.class);
        assertThat(changes.abandoned).as("the first give-up did not reach the hot store").isEmpty();

        assertThatThrownBy(flusher::flushBatch).isInstanceOf(StoreUnavailable.class);
        assertThat(changes.abandoned).as("given up before the next claim, then that batch's too")
                .containsExactlyInAnyOrder(ChannelId.of("c0"), ChannelId.of("c1"), ChannelId.of("c0"), ChannelId.of("c1"));
    }

    @Test
    void a_release_the_hot_store_could_not_take_is_tried_again_before_the_next_batch() {
        DirtyChannels changes = new DirtyChannels(2);
        changes.unreachableSettles = 1;
        FlushChanges flusher = new FlushChanges(changes, (batch, made) -> batch.size(), clock, 10, 100);

        flusher.flushBatch();
        assertThat(changes.released).isEmpty();

        flusher.flushBatch();
        assertThat(changes.released).containsExactly(ChannelId.of("c0"), ChannelId.of("c1"));
    }

    /** The checkpoints a flusher wrote, with the batches' sizes. */
    private record Write(int channels, Optional<Checkpoint> checkpoint) {
    }

    /**
     * A flusher of 3 channels and {@code entriesPerBatch} entries a batch, its clock stopped
     * at {@code now}, whose durable store notes each write.
     */
    private static FlushChanges noting(List<Write> writes, DirtyChannels changes, Instant now, long entriesPerBatch) {
        return new FlushChanges(changes, (batch, made) -> {
            writes.add(new Write(batch.size(), made));
            return batch.size();
        }, Clock.fixed(now, ZoneOffset.UTC), 3, entriesPerBatch);
    }

    @Test
    void a_claim_that_took_every_dirty_channel_makes_its_start_the_checkpoint() {
        DirtyChannels changes = new DirtyChannels(5);
        List<Write> writes = new ArrayList<>();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        FlushChanges flusher = noting(writes, changes, now, 100);

        flusher.flushAll(Duration.ofSeconds(5));

        assertThat(writes).as("the first batch left channels behind; the second took the rest")
                .containsExactly(new Write(3, Optional.empty()), new Write(2, Optional.of(new Checkpoint(now, now))));
    }

    @Test
    void with_nothing_dirty_the_checkpoint_moves_on_if_the_durable_store_can_take_it() {
        DirtyChannels changes = new DirtyChannels(0);
        List<Write> writes = new ArrayList<>();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        FlushChanges flusher = noting(writes, changes, now, 100);

        assertThat(flusher.flushBatch()).isEqualTo(FlushReport.NOTHING);
        assertThat(writes).containsExactly(new Write(0, Optional.of(new Checkpoint(now, now))));

        FlushChanges down = new FlushChanges(changes, (batch, made) -> {
            throw new StoreUnavailable("PostgreSQL is down", null);
        }, clock, 3, 100);
        assertThat(down.flushBatch()).as("nothing to write is no failure").isEqualTo(FlushReport.NOTHING);
    }

    @Test
    void a_channel_with_more_entries_than_a_batch_takes_is_written_over_several_and_the_last_makes_the_checkpoint() {
        DirtyChannels changes = new DirtyChannels(1);
        changes.entries.put(ChannelId.of("c0"), 5L);
        List<Write> writes = new ArrayList<>();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        FlushReport report = noting(writes, changes, now, 2).flushAll(Duration.ofSeconds(5));

        assertThat(writes).containsExactly(new Write(1, Optional.empty()), new Write(1, Optional.empty()),
                new Write(1, Optional.of(new Checkpoint(now, now))));
        assertThat(report.entries()).isEqualTo(5);
        assertThat(report.moreWaiting()).isFalse();
        assertThat(changes.dirty).isEmpty();
    }

    @Test
    void channels_past_a_batchs_entries_wait_for_the_next_batch() {
        DirtyChannels changes = new DirtyChannels(3);
        List<Write> writes = new ArrayList<>();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        FlushReport report = noting(writes, changes, now, 3).flushAll(Duration.ofSeconds(5));

        assertThat(changes.abandoned).as("c2 was claimed with no room left in the first batch")
                .containsExactly(ChannelId.of("c2"));
        assertThat(writes).as("c0 and part of c1, then c2 and the rest of c1")
                .containsExactly(new Write(2, Optional.empty()), new Write(2, Optional.of(new Checkpoint(now, now))));
        assertThat(report.entries()).isEqualTo(6);
        assertThat(report.channels()).as("channel writes: c1 in two parts").isEqualTo(4);
        assertThat(changes.released).containsExactly(ChannelId.of("c0"), ChannelId.of("c1"), ChannelId.of("c2"),
                ChannelId.of("c1"));
        assertThat(changes.dirty).isEmpty();
    }
}
