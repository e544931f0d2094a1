package io.readstate.adapters.redis;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Random but plausible traffic over a few channels and users: joins, messages with gaps,
 * replays and mentions, partial, stale and overshooting reads, leaves and deletes.
 * Seeded, so a failing run can be repeated.
 */
public final class RandomEvents {

    private final Random random;
    private final List<ChannelId> channels;
    private final List<UserId> users;
    private final Map<ChannelId, Long> lastSeq = new HashMap<>();
    private long clock = Instant.parse("2026-11-26T19:00:00Z").toEpochMilli();

    public RandomEvents(long seed, int channelCount, int userCount) {
        this.random = new Random(seed);
        this.channels = new ArrayList<>();
        for (int i = 0; i < channelCount; i++) {
            channels.add(ChannelId.of("ch-" + i));
        }
        this.users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            users.add(UserId.of("user." + i));
        }
    }

    public List<ChannelId> channels() {
        return channels;
    }

    public List<UserId> users() {
        return users;
    }

    public ChannelEvent next() {
        ChannelId channel = channels.get(random.nextInt(channels.size()));
        UserId user = users.get(random.nextInt(users.size()));
        Instant at = Instant.ofEpochMilli(clock += 1 + random.nextInt(1000));
        long head = lastSeq.getOrDefault(channel, 0L);
        int roll = random.nextInt(100);
        if (roll < 15) {
            OptionalLong from = random.nextInt(4) == 0 ? OptionalLong.of(random.nextInt((int) Math.min(head, 50) + 2))
                    : OptionalLong.empty();
            return new MemberJoined(channel, user, from, at);
        } else if (roll < 18) {
            List<UserId> many = new ArrayList<>();
            for (int i = random.nextInt(4) + 1; i > 0; i--) {
                many.add(users.get(random.nextInt(users.size())));
            }
            return new MembersJoined(channel, many, at);
        } else if (roll < 55) {
            return message(channel, user, at, head);
        } else if (roll < 85) {
            OptionalLong upTo = random.nextInt(3) == 0 ? OptionalLong.empty()
                    : OptionalLong.of(1 + random.nextInt((int) Math.min(head, 1000) + 3));
            return new ChannelRead(channel, user, upTo, at);
        } else if (roll < 91) {
            return new MemberLeft(channel, user);
        }
        return new MessageDeleted(channel, 1 + random.nextInt((int) Math.min(head, 1000) + 2));
    }

    private MessagePosted message(ChannelId channel, UserId sender, Instant at, long head) {
        long seq = random.nextInt(8) == 0 && head > 0 ? 1 + random.nextInt((int) Math.min(head, 1000))
                : head + 1 + random.nextInt(3);
        lastSeq.merge(channel, seq, Math::max);
        Set<UserId> mentions = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            mentions.add(users.get(random.nextInt(users.size())));
        }
        return new MessagePosted(channel, seq, sender, at, mentions, random.nextInt(12) == 0);
    }
}
