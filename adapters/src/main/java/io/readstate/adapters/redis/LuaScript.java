package io.readstate.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * A Lua script made of files under {@code lua/}, loaded once and run by SHA. The
 * operations on a channel are separate files joined into one script, so that a Redis node
 * has either every operation or none: after a {@code SCRIPT FLUSH} or a failover a whole
 * batch fails with NOSCRIPT and can be sent again as it was.
 */
final class LuaScript {

    private static final List<String> CHANNEL_PARTS = List.of(
            "common", "message", "read", "join", "join_many", "leave", "delete", "queries", "flush", "batch", "dispatch");
    private static final List<String> SHARD_PARTS = List.of("shard");
    private static final List<String> READ_ONLY_OPERATIONS = List.of("member", "channel", "readers", "status", "channels_of");

    private final String source;
    private final String sha;
    private final RedissonClient redisson;

    private LuaScript(RedissonClient redisson, List<String> parts) {
        this.redisson = redisson;
        this.source = assemble(parts);
        this.sha = load();
    }

    /** Every operation on one channel: the events, the queries, the flusher's take and release. */
    static LuaScript channel(RedissonClient redisson) {
        return new LuaScript(redisson, CHANNEL_PARTS);
    }

    /** What a shard keeps for all its channels: claims and status over its dirty channels, its epoch. */
    static LuaScript shard(RedissonClient redisson) {
        return new LuaScript(redisson, SHARD_PARTS);
    }

    String sha() {
        return sha;
    }

    /** Loads the script on every node (again); the SHA never changes. */
    String load() {
        return redisson.getScript(StringCodec.INSTANCE).scriptLoad(source);
    }

    static boolean isMissingScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    static RScript.Mode mode(Object operation) {
        return READ_ONLY_OPERATIONS.contains(operation) ? RScript.Mode.READ_ONLY : RScript.Mode.READ_WRITE;
    }

    private static String assemble(List<String> parts) {
        StringBuilder script = new StringBuilder();
        for (String part : parts) {
            String path = "lua/" + part + ".lua";
            try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing script part " + path);
                }
                script.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script.toString();
    }
}
