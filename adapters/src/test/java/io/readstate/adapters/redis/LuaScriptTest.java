package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.readstate.domain.model.ChannelId;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.FunctionLibrary;
import org.redisson.api.RBatch;
import org.redisson.api.RFunction;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The channel program answers the same run as a function library (Redis 7 and later) and
 * as a script (the form older Redis runs), each form is loaded again once Redis forgot it,
 * the calls that never write still answer while Redis refuses writes, and a starting service
 * deletes the libraries older versions left.
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
                List.of("message", "0000000000000000001", "alice", "2000", "0", "100", "0", "bob")));
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

    @Test
    void the_calls_that_never_write_answer_while_redis_is_out_of_memory() throws Exception {
        onPrivateRedis(own -> {
            boolean functions = LuaScript.functionsSupported(own);
            LuaScript channelProgram = LuaScript.channel(own, functions);
            LuaScript shardProgram = LuaScript.shard(own, functions);
            RedisKeys keys = new RedisKeys("oom:");
            int shard = RedisKeys.shardOf(GENERAL);
            List<Object> channel = keys.trackedChannel(GENERAL);
            List<Object> shardKeys = keys.shardKeys(shard);
            String routing = (String) channel.get(0);
            own.getBucket(keys.epoch(shard), StringCodec.INSTANCE).set("1");
            channelProgram.call(routing, channel, List.of("join", "bob", "", "1000"));
            List<Object> pending = channelProgram.call(routing, List.of(routing), List.of("each", "pending"));
            own.getRedisNodes(RedisNodes.SINGLE).getInstance().setConfig("maxmemory", "1");

            Throwable refused = catchFailure(() -> channelProgram.call(routing, channel,
                    List.of("message", "0000000000000000001", "alice", "2000", "0", "100")));

            assertThat(refused).as("a write while out of memory").hasMessageContaining("maxmemory");
            assertThat(pending).hasSize(1);
            assertThat(channelProgram.call(routing, List.of(routing), List.of("each", "pending"))).isEqualTo(pending);
            assertThat(channelProgram.call(routing, channel, List.of("member", "bob"))).element(0).isEqualTo(1L);
            assertThat(shardProgram.call((String) shardKeys.get(0), shardKeys, List.of("dirty"))).containsExactly(1L);
            assertThat(shardProgram.call((String) shardKeys.get(0), shardKeys, List.of("loss"))).hasSize(4);
        });
    }

    @Test
    void a_starting_service_deletes_the_libraries_of_other_versions() throws Exception {
        onPrivateRedis(own -> {
            assumeThat(LuaScript.functionsSupported(own)).as("this Redis runs functions (7.0 and later)").isTrue();
            RFunction functions = own.getFunction(StringCodec.INSTANCE);
            for (String name : List.of("readstate_channel_0123456789ab", "readstate_shard_0123456789ab",
                    "readstate_channel_mine", "someone_else")) {
                functions.load(name, "redis.register_function('" + name + "', function() return 1 end)");
            }

            new RedisScripts(own, () -> { });

            assertThat(functions.list().stream().map(FunctionLibrary::getName)).containsExactlyInAnyOrder(
                    LuaScript.channel(own, true).library(), LuaScript.shard(own, true).library(),
                    "readstate_channel_mine", "someone_else");
        });
    }

    private interface OnRedis {
        void run(RedissonClient redisson) throws Exception;
    }

    /** Runs {@code test} with a client of a redis-server of its own, stopped afterwards (skipped where none runs). */
    private static void onPrivateRedis(OnRedis test) throws Exception {
        int port = TestRedis.freePort();
        Process server = startPrivateRedis(port);
        assumeThat(server).as("a redis-server of its own").isNotNull();
        RedissonClient own = null;
        try {
            Config config = new Config();
            config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
            own = Redisson.create(config);
            test.run(own);
        } finally {
            if (own != null) {
                own.shutdown();
            }
            server.destroyForcibly().waitFor();
        }
    }

    /** A redis-server on {@code port} (null where there is no redis-server to run). */
    private static Process startPrivateRedis(int port) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        return null;
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
