package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.api.redisnode.RedisSingle;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * A message costs the same Redis work in a 2-member channel as in a 10,000-member one,
 * and a read costs the same whatever the channel's size: counted as the commands Redis
 * executed (scripts' own calls included), on a private Redis that nothing else touches.
 */
class MessageCostTest {

    private static final Instant NOW = Instant.parse("2026-11-26T19:00:00Z");
    private static final int MESSAGES = 200;

    private static RedisServer server;
    private static RedissonClient redisson;
    private static RedisReadState store;

    @BeforeAll
    static void startPrivateRedis() throws IOException {
        int port = TestRedis.freePort();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
        redisson = Redisson.create(config);
        store = new RedisReadState(redisson, new RedisKeys("cost:"), 10_000);
    }

    @AfterAll
    static void stop() throws IOException {
        redisson.shutdown();
        server.stop();
    }

    @Test
    void a_message_costs_the_same_whatever_the_channel_size() {
        long small = commandsPerMessage(channelWith("small", 2));
        long large = commandsPerMessage(channelWith("large", 10_000));

        System.out.printf("commands per message: 2 members %d, 10,000 members %d%n", small, large);
        assertThat(large).isEqualTo(small);
    }

    @Test
    void a_read_costs_the_same_whatever_the_channel_size() {
        long small = commandsPerRead(channelWith("small-read", 2));
        long large = commandsPerRead(channelWith("large-read", 10_000));

        System.out.printf("commands per read: 2 members %d, 10,000 members %d%n", small, large);
        assertThat(large).isEqualTo(small);
    }

    /**
     * A batch of events (POST /v1/events) answers a read with its status alone: Redis does not
     * work out the member's state.
     */
    @Test
    void a_read_answered_briefly_spares_the_member_state() {
        ChannelId channel = channelWith("brief-read", 100);
        long fullMicros = redisMicros();
        long full = commandsPerRead(channel, store::record);
        long briefMicros = redisMicros();
        long brief = commandsPerRead(channel, store::recordBriefly);
        long endMicros = redisMicros();

        System.out.printf("commands per read: answered with the member's state %d, briefly %d (Redis time per read: "
                + "%.1f µs and %.1f µs, message included)%n", full, brief,
                (briefMicros - fullMicros) / (double) MESSAGES, (endMicros - briefMicros) / (double) MESSAGES);
        assertThat(full - brief).as("3 ZLEXCOUNT and an HMGET left out").isEqualTo(4);
    }

    /** A batch of events answers a message with its status alone: Redis does not count its recipients. */
    @Test
    void a_message_answered_briefly_spares_counting_its_recipients() {
        ChannelId channel = channelWith("brief-message", 100);
        long full = commandsPerMessage(channel, store::record);
        long brief = commandsPerMessage(channel, store::recordBriefly);

        System.out.printf("commands per message: answered with its recipients %d, briefly %d%n", full, brief);
        assertThat(full - brief).as("the HLEN of the members left out").isEqualTo(1);
        assertThat(store.recordBriefly(List.of(new MessagePosted(channel, 1, UserId.of("member-0"), NOW, Set.of(),
                false)))).containsExactly(new Outcome.MessageNoted(false));
    }

    private static ChannelId channelWith(String name, int members) {
        ChannelId channel = ChannelId.of(name);
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            users.add(UserId.of("member-" + i));
        }
        store.record(List.of(new MembersJoined(channel, users, NOW)));
        return channel;
    }

    private static long commandsPerMessage(ChannelId channel) {
        return commandsPerMessage(channel, store::record);
    }

    /** Commands per message (by a member, mentioning one), each recorded alone by {@code recording}. */
    private static long commandsPerMessage(ChannelId channel, Function<List<ChannelEvent>, List<Outcome>> recording) {
        long head = store.channel(channel).map(ChannelSummary::headSeq).orElse(0L);
        long before = commandsExecuted();
        for (long seq = head + 1; seq <= head + MESSAGES; seq++) {
            Outcome outcome = recording.apply(List.of(new MessagePosted(channel, seq, UserId.of("member-0"), NOW,
                    Set.of(UserId.of("member-1")), false))).get(0);
            assertThat(outcome.applied()).as("message %d taken", seq).isTrue();
        }
        return (commandsExecuted() - before) / MESSAGES;
    }

    private static long commandsPerRead(ChannelId channel) {
        return commandsPerRead(channel, store::record);
    }

    /** Commands per read that moves a member's position, each recorded alone by {@code recording}. */
    private static long commandsPerRead(ChannelId channel, Function<List<ChannelEvent>, List<Outcome>> recording) {
        long head = store.channel(channel).map(ChannelSummary::headSeq).orElse(0L);
        store.record(List.of(new MessagePosted(channel, head + MESSAGES + 1, UserId.of("someone"), NOW, Set.of(), false)));
        long before = commandsExecuted();
        for (int i = 0; i < MESSAGES; i++) {
            Outcome outcome = recording.apply(List.of(new ChannelRead(channel, UserId.of("member-" + (i % 2)),
                    OptionalLong.of(head + i + 1), NOW))).get(0);
            assertThat(outcome.applied()).as("read %d moved the position", i).isTrue();
        }
        return (commandsExecuted() - before) / MESSAGES;
    }

    /** Commands executed so far, from INFO commandstats, leaving out the INFO calls themselves. */
    private static long commandsExecuted() {
        return commandStats("calls");
    }

    /** Microseconds Redis spent in commands so far (a script's own calls count within its EVALSHA). */
    private static long redisMicros() {
        return commandStats("usec") - commandStats("inner usec");
    }

    /**
     * The sum of one field of INFO commandstats over every command but INFO ("calls", "usec"),
     * or with "inner " before it, over the commands scripts made (their time is in the scripts' own).
     */
    private static long commandStats(String field) {
        boolean inner = field.startsWith("inner ");
        String name = inner ? field.substring("inner ".length()) : field;
        RedisSingle node = redisson.getRedisNodes(RedisNodes.SINGLE);
        Map<String, String> stats = node.getInstance().info(org.redisson.api.redisnode.RedisNode.InfoSection.COMMANDSTATS);
        long total = 0;
        for (Map.Entry<String, String> stat : stats.entrySet()) {
            boolean script = stat.getKey().equals("cmdstat_evalsha") || stat.getKey().equals("cmdstat_eval");
            if (stat.getKey().equals("cmdstat_info") || (inner && script)) {
                continue;
            }
            for (String part : stat.getValue().split(",")) {
                if (part.startsWith(name + "=")) {
                    total += Long.parseLong(part.substring(name.length() + 1));
                }
            }
        }
        return total;
    }
}
