package io.readstate.domain.rules;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random histories of a few channels and a handful of users. A history is a list of steps;
 * each step becomes an event only when it is its turn, looking at the channel as it is then,
 * so that seqs can be new (with gaps) or replayed, reads can be partial, stale or past the
 * head, and deletes can hit known, unknown or already deleted messages.
 */
final class Histories {

    static final List<ChannelId> CHANNELS = List.of(ChannelId.of("alpha"), ChannelId.of("bravo"), ChannelId.of("c:3"));
    static final List<UserId> USERS = IntStream.rangeClosed(1, 5).mapToObj(i -> UserId.of("user-" + i)).toList();
    private static final Instant START = Instant.parse("2026-11-26T19:00:00Z");

    private Histories() {
    }

    /** One step of a history; {@code pick} is a random number the step turns into a seq when it runs. */
    sealed interface Step {
        ChannelEvent toEvent(BruteForceReadState now, Instant at);
    }

    /** A join, from the head or from a read position picked from 0 to two past the head. */
    record Join(int channel, int user, Integer pick) implements Step {
        @Override
        public ChannelEvent toEvent(BruteForceReadState now, Instant at) {
            ChannelId id = CHANNELS.get(channel);
            if (pick == null) {
                return new MemberJoined(id, USERS.get(user), OptionalLong.empty(), at);
            }
            long position = Math.floorMod(pick, now.headSeq(id) + 3);
            return new MemberJoined(id, USERS.get(user), OptionalLong.of(position), at);
        }
    }

    record BulkJoin(int channel, List<Integer> users) implements Step {
        @Override
        public ChannelEvent toEvent(BruteForceReadState now, Instant at) {
            return new MembersJoined(CHANNELS.get(channel), users.stream().map(USERS::get).toList(), at);
        }
    }

    /** A message: a new seq past the head by {@code gap}, or, when {@code replay}, an old seq delivered again. */
    record Post(int channel, int sender, int gap, boolean replay, int pick, Set<Integer> mentions, boolean mentionAll)
            implements Step {
        @Override
        public ChannelEvent toEvent(BruteForceReadState now, Instant at) {
            ChannelId id = CHANNELS.get(channel);
            long head = now.headSeq(id);
            long seq = replay && head > 0 ? 1 + Math.floorMod(pick, head) : head + gap;
            Set<UserId> mentioned = mentions.stream().map(USERS::get).collect(Collectors.toSet());
            return new MessagePosted(id, seq, USERS.get(sender), at, mentioned, mentionAll);
        }
    }

    /** A read up to the head, or up to a seq picked from 1 to three past the head. */
    record Read(int channel, int user, Integer pick) implements Step {
        @Override
        public ChannelEvent toEvent(BruteForceReadState now, Instant at) {
            ChannelId id = CHANNELS.get(channel);
            OptionalLong upTo = pick == null ? OptionalLong.empty()
                    : OptionalLong.of(1 + Math.floorMod(pick, now.headSeq(id) + 3));
            return new ChannelRead(id, USERS.get(user), upTo, at);
        }
    }

    record Leave(int channel, int user) implements Step {
        @Override
        public ChannelEvent toEvent(BruteForceReadState now, Instant at) {
            return new MemberLeft(CHANNELS.get(channel), USERS.get(user));
        }
    }

    /** A delete of a seq the channel accepted once (maybe deleted since), or of any seq up to two past the head. */
    record Delete(int channel, boolean known, int pick) implements Step {
        @Override
        public ChannelEvent toEvent(BruteForceReadState now, Instant at) {
            ChannelId id = CHANNELS.get(channel);
            List<Long> accepted = now.acceptedSeqs(id);
            long seq = known && !accepted.isEmpty() ? accepted.get(Math.floorMod(pick, accepted.size()))
                    : 1 + Math.floorMod(pick, now.headSeq(id) + 2);
            return new MessageDeleted(id, seq);
        }
    }

    static Arbitrary<List<Step>> histories(int minLength, int maxLength) {
        return steps().list().ofMinSize(minLength).ofMaxSize(maxLength);
    }

    static Arbitrary<Step> steps() {
        Arbitrary<Integer> channel = Arbitraries.integers().between(0, CHANNELS.size() - 1);
        Arbitrary<Integer> user = Arbitraries.integers().between(0, USERS.size() - 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Step> join = Combinators.combine(channel, user, pick.injectNull(0.5)).as(Join::new);
        Arbitrary<Step> bulkJoin = Combinators.combine(channel, user.list().ofMinSize(1).ofMaxSize(6))
                .as(BulkJoin::new);
        Arbitrary<Step> post = Combinators.combine(channel, user, Arbitraries.integers().between(1, 4),
                        Arbitraries.of(true, false, false, false, false), pick, user.set().ofMaxSize(3),
                        Arbitraries.of(true, false, false, false))
                .as(Post::new);
        Arbitrary<Step> read = Combinators.combine(channel, user, pick.injectNull(0.3)).as(Read::new);
        Arbitrary<Step> leave = Combinators.combine(channel, user).as(Leave::new);
        Arbitrary<Step> delete = Combinators.combine(channel, Arbitraries.of(true, false), pick).as(Delete::new);
        return Arbitraries.frequencyOf(
                Tuple.of(8, post), Tuple.of(5, read), Tuple.of(3, join), Tuple.of(1, bulkJoin),
                Tuple.of(2, leave), Tuple.of(2, delete));
    }

    /**
     * The events of a history, each made as its turn comes against the reference model, which
     * is left having recorded them all.
     */
    static List<ChannelEvent> events(List<Step> history, BruteForceReadState reference) {
        List<ChannelEvent> events = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            ChannelEvent event = eventAt(history, i, reference);
            reference.record(List.of(event));
            events.add(event);
        }
        return events;
    }

    /** The event of step {@code i}, as the history stands just before it, with its own time. */
    static ChannelEvent eventAt(List<Step> history, int i, BruteForceReadState now) {
        return history.get(i).toEvent(now, START.plusSeconds(i));
    }
}
