package io.readstate.bench.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The per-member counters' Lua scripts, loaded once and run by SHA. */
final class CounterScripts {

    private final RScript script;
    private final String message;
    private final String read;
    private final String unread;
    private final String join;

    CounterScripts(RedissonClient redisson) {
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.message = script.scriptLoad(source("message"));
        this.read = script.scriptLoad(source("read"));
        this.unread = script.scriptLoad(source("unread"));
        this.join = script.scriptLoad(source("join"));
    }

    CompletableFuture<Object> message(List<Object> keys, Object... args) {
        return run(message, RScript.ReturnType.LONG, keys, args);
    }

    CompletableFuture<Object> read(List<Object> keys, Object... args) {
        return run(read, RScript.ReturnType.LONG, keys, args);
    }

    CompletableFuture<Object> unread(List<Object> keys, Object... args) {
        return run(unread, RScript.ReturnType.LIST, keys, args);
    }

    CompletableFuture<Object> join(List<Object> keys, Object... args) {
        return run(join, RScript.ReturnType.LONG, keys, args);
    }

    private CompletableFuture<Object> run(String sha, RScript.ReturnType type, List<Object> keys, Object... args) {
        return script.evalShaAsync(RScript.Mode.READ_WRITE, sha, type, keys, args).toCompletableFuture();
    }

    private static String source(String name) {
        try (InputStream in = CounterScripts.class.getResourceAsStream("/peer/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("no script peer/" + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
