package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.readstate.domain.model.ChannelId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The channel program answers the same run as a function library (Redis 7 and later) and
 * as a script (the form older Redis runs), and each form is loaded again once Redis forgot it.
 */
class LuaScriptTest {

    private static final ChannelId GENERAL = ChannelId.of("general");

    @RegisterExtension
    static final TestRedisClient REDIS = new TestRedisClient();

    private final RedissonClient redisson = REDIS.client();

    /** Joins, a message mentioning bob, bob's state, a read, and the channel, one call each. */
    private List<List<Object>> aConversation(LuaScript program, RedisKeys keys) {
        List<Object> channel = keys.channel(GENERAL);
        redisson.getBucket(keys.epoch(RedisKeys.shardOf(GENERAL)), StringCodec.INSTANCE).set("1");
        String routing = (String) channel.get(0);
        List<List<Object>> replies = new ArrayList<>();
        replies.add(program.call(routing, channel, List.of("join", "alice", "", "1000")));
        replies.add(program.call(routing, channel, List.of("join", "bob", "", "1000")));
        replies.add(program.call(routing, channel,
                List.of("message", "0000000000000000001", "alice", "2000", "0", "100", "bob")));
        replies.add(program.call(routing, channel, List.of("member", "bob")));
        RBatch batch = redisson.createBatch();
        RFuture<List<Object>> read = program.callAsync(batch, routing, channel, List.of("read", "bob", "", "3000"));
        RFuture<List<Object>> summary = program.callAsync(batch, routing, channel, List.of("channel"));
        batch.execute();
        replies.add(read.toCompletableFuture().join());
        replies.add(summary.toCompletableFuture().join());
        return replies;
    }

    @Test
    void a_function_answers_as_the_script_does() {
        assumeThat(LuaScript.functionsSupported(redisson)).as("this Redis runs functions (7.0 and later)").isTrue();

        List<List<Object>> asScript = aConversation(LuaScript.channel(redisson, false), new RedisKeys(REDIS.uniquePrefix()));
        List<List<Object>> asFunction = aConversation(LuaScript.channel(redisson, true), new RedisKeys(REDIS.uniquePrefix()));

        assertThat(asScript).hasSize(6);
        assertThat(asScript.get(2)).containsExactly(1L, 1L, 1L);  // applied, one recipient, bob mentioned
        assertThat(asScript.get(3)).element(3).isEqualTo(1L);      // bob: one unread
        assertThat(asFunction).isEqualTo(asScript);
    }

    @Test
    void each_form_is_loaded_again_after_redis_forgot_it() {
        boolean functions = LuaScript.functionsSupported(redisson);
        LuaScript program = LuaScript.channel(redisson, functions);
        RedisKeys keys = new RedisKeys(REDIS.uniquePrefix());
        List<Object> channel = keys.channel(GENERAL);
        redisson.getBucket(keys.epoch(RedisKeys.shardOf(GENERAL)), StringCodec.INSTANCE).set("1");
        if (functions) {
            redisson.getFunction().flush();
        } else {
            redisson.getScript().scriptFlush();
        }

        Throwable missing = catchFailure(() -> program.call((String) channel.get(0), channel, List.of("channel")));
        program.load();

        assertThat(LuaScript.isMissingScript(missing)).as("%s", missing).isTrue();
        assertThat(program.call((String) channel.get(0), channel, List.of("channel"))).containsExactly(0L);
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
