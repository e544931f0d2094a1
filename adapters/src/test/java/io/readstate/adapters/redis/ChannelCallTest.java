package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelCallTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static ChannelEvent message(String channel, long seq) {
        return new MessagePosted(ChannelId.of(channel), seq, UserId.of("u"), AT, Set.of(), false);
    }

    private static ChannelEvent read(String channel) {
        return new ChannelRead(ChannelId.of(channel), UserId.of("u"), OptionalLong.empty(), AT);
    }

    private static ChannelEvent leave(String channel) {
        return new MemberLeft(ChannelId.of(channel), UserId.of("u"));
    }

    /** Two channel ids of different shards. */
    private static List<String> channelsOfTwoShards() {
        String first = "c-0";
        for (int i = 1; ; i++) {
            if (RedisKeys.shardOf(ChannelId.of("c-" + i)) != RedisKeys.shardOf(ChannelId.of(first))) {
                return List.of(first, "c-" + i);
            }
        }
    }

    @Test
    void on_one_redis_runs_of_many_channels_share_a_call_until_a_leave() {
        List<ChannelRun> runs = ChannelRun.split(List.of(message("a", 1), read("b"), message("a", 2), read("c"),
                leave("b"), message("b", 3), read("a")));
        List<ChannelCall> calls = ChannelCall.plan(runs, false);
        assertThat(calls).extracting(call -> call.runs().size()).containsExactly(4, 1, 2);
        assertThat(calls.get(1).first().touchesUserChannels()).isTrue();
        assertThat(calls.get(0).arguments(10, false, true)).startsWith("channels", "1", "7", "message");
    }

    @Test
    void on_a_cluster_a_call_holds_one_shard_and_replies_come_back_in_event_order() {
        List<String> two = channelsOfTwoShards();
        List<ChannelEvent> events = List.of(message(two.get(0), 1), read(two.get(1)), read(two.get(0)),
                message(two.get(1), 2));
        List<ChannelRun> runs = ChannelRun.split(events);
        List<ChannelCall> calls = ChannelCall.plan(runs, true);
        assertThat(calls).hasSize(2);
        for (ChannelCall call : calls) {
            assertThat(call.runs()).extracting(run -> RedisKeys.shardOf(run.channel())).containsOnly(
                    RedisKeys.shardOf(call.first().channel()));
        }
        Map<ChannelRun, List<List<Object>>> byRun = new HashMap<>();
        for (ChannelCall call : calls) {
            List<Object> reply = new ArrayList<>();
            call.runs().forEach(run -> reply.add(List.of(run.channel().value())));
            call.collectReplies(reply, byRun);
        }
        assertThat(ChannelCall.inOrder(runs, byRun)).containsExactly(List.of(two.get(0)), List.of(two.get(1)),
                List.of(two.get(0)), List.of(two.get(1)));
    }

    @Test
    void a_call_carries_at_most_its_limit_of_events() {
        List<ChannelEvent> events = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            events.add(message("ch-" + (i % 7), i));
        }
        List<ChannelCall> calls = ChannelCall.plan(ChannelRun.split(events), false);
        assertThat(calls).allSatisfy(call -> assertThat(call.runs().stream().mapToInt(run -> run.events().size()).sum())
                .isLessThanOrEqualTo(ChannelCall.MAX_EVENTS));
        assertThat(calls.stream().mapToInt(call -> call.runs().size()).sum()).isEqualTo(250);
    }
}
