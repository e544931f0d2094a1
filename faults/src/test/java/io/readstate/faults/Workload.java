package io.readstate.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small, deterministic chat: a few channels, a few users, and a seeded mix of messages
 * (with mentions, now and then to everyone), reads, joins, leaves and deletions. It keeps
 * its own idea of each channel's head and members so that nearly every event is one the
 * service accepts; the expected state never comes from here but from the acknowledged
 * events and the reference rules.
 */
final class Workload {

    private static final Instant EPOCH_OF_THE_CHAT = Instant.parse("2026-01-01T00:00:00Z");

    private final Random random;
    private final List<String> channels = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final Map<String, Long> heads = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private long clock;

    /** Channels {@code <prefix>c0...}, users {@code <prefix>u0...}. */
    Workload(long seed, String prefix, int channelCount, int userCount) {
        this.random = new Random(seed);
        for (int c = 0; c < channelCount; c++) {
            String channel = prefix + "c" + c;
            channels.add(channel);
            heads.put(channel, 0L);
            members.put(channel, new TreeSet<>());
        }
        for (int u = 0; u < userCount; u++) {
            users.add(prefix + "u" + u);
        }
    }

    List<String> channels() {
        return List.copyOf(channels);
    }

    List<String> users() {
        return List.copyOf(users);
    }

    /** The first events: four members in every channel. */
    List<ChatEvent> opening() {
        List<ChatEvent> events = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            for (int k = 0; k < Math.min(4, users.size()); k++) {
                events.add(join(channels.get(c), users.get((c + k) % users.size()), OptionalLong.empty()));
            }
        }
        return events;
    }

    List<ChatEvent> next(int count) {
        List<ChatEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    ChatEvent next() {
        String channel = channels.get(random.nextInt(channels.size()));
        Set<String> present = members.get(channel);
        long head = heads.get(channel);
        int dice = random.nextInt(100);
        if (dice < 45 || present.isEmpty()) {
            return message(channel);
        }
        if (dice < 75) {
            String user = pick(new ArrayList<>(present));
            OptionalLong seq = head > 0 && random.nextInt(10) < 6
                    ? OptionalLong.of(Math.max(1, head - random.nextInt(5))) : OptionalLong.empty();
            return new ChatEvent.Read(channel, user, seq, tick());
        }
        if (dice < 83) {
            List<String> outside = new ArrayList<>(users);
            outside.removeAll(present);
            if (outside.isEmpty()) {
                return message(channel);
            }
            OptionalLong from = random.nextInt(10) < 3 ? OptionalLong.of(random.nextInt((int) Math.min(head, 1_000) + 1))
                    : OptionalLong.empty();
            return join(channel, pick(outside), from);
        }
        if (dice < 90 && present.size() > 1) {
            String user = pick(new ArrayList<>(present));
            present.remove(user);
            return new ChatEvent.Leave(channel, user);
        }
        if (head > 0) {
            return new ChatEvent.Delete(channel, 1 + (long) random.nextInt((int) Math.min(head, 100_000)));
        }
        return message(channel);
    }

    private ChatEvent message(String channel) {
        Set<String> present = members.get(channel);
        long seq = heads.get(channel) + 1 + (random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0);
        heads.put(channel, seq);
        String sender = !present.isEmpty() && random.nextInt(100) < 85 ? pick(new ArrayList<>(present)) : pick(users);
        List<String> mentions = new ArrayList<>();
        int named = random.nextInt(100) < 50 ? 0 : random.nextInt(100) < 70 ? 1 : 2;
        for (int i = 0; i < named; i++) {
            String user = pick(users);
            if (!mentions.contains(user)) {
                mentions.add(user);
            }
        }
        return new ChatEvent.Message(channel, seq, sender, mentions, random.nextInt(100) < 5, tick());
    }

    private ChatEvent join(String channel, String user, OptionalLong lastReadSeq) {
        members.get(channel).add(user);
        return new ChatEvent.Join(channel, user, lastReadSeq);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The next explicit time: one second after the last, from a fixed start. */
    private Instant tick() {
        return EPOCH_OF_THE_CHAT.plusSeconds(++clock);
    }
}
