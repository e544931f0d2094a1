package io.readstate.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.redisson.api.FunctionLibrary;
import org.redisson.api.FunctionMode;
import org.redisson.api.FunctionResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFunction;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A Lua program made of files under {@code lua/}, whose last file defines
 * {@code call(keys, args)}: one call of the program. It runs on Redis in one of two ways:
 *
 * <ul>
 *   <li>as a function library (Redis 7 and later): loaded once, its operations defined once,
 *       and each call an {@code FCALL} of {@code call};</li>
 *   <li>as a script run by SHA (older Redis, such as the embedded one): each {@code EVALSHA}
 *       runs the whole program again, defining every operation before running one (about
 *       9 µs more a call on an idle Redis than the same call as a function).</li>
 * </ul>
 *
 * <p>The operations on a channel are separate files joined into one program, so that a Redis
 * node has either every operation or none: when it lost the program (a {@code SCRIPT FLUSH}
 * or a failover for scripts; a {@code FUNCTION FLUSH} or a restart without persistence for
 * functions, which Redis otherwise keeps and replicates) a whole batch fails ("NOSCRIPT",
 * "Function not found") and can be sent again as it was. The names of a library and its
 * functions carry a hash of the library's code, as a script's SHA does, so that two versions
 * of Readstate sharing a Redis never call each other's code; a starting service deletes the
 * libraries of other versions ({@link #deleteOtherVersions}), so that they do not pile up
 * (about 80 KB each) over upgrades.
 */
final class LuaScript {

    private static final List<String> CHANNEL_PARTS = List.of(
            "common", "message", "read", "join", "join_many", "leave", "delete", "queries", "flush", "batch", "dispatch");
    private static final List<String> SHARD_PARTS = List.of("shard");
    /**
     * The operations that never write, called read-only ({@code FCALL_RO}, {@code EVALSHA_RO}):
     * Redis refuses a call that may write while it is out of memory or lacks the replicas it
     * asks for, and these must still answer then (queries, the flusher's first count, the
     * status page).
     */
    private static final List<String> READ_ONLY_OPERATIONS = List.of("member", "members", "channel", "readers",
            "status", "channels_of", "pending", "dirty", "loss");

    /** What ends the name of a library of this program, whatever its version: 12 hex digits. */
    private static final Pattern OTHER_VERSION = Pattern.compile("[0-9a-f]{12}");

    private final RedissonClient redisson;
    private final String kind;
    private final boolean asFunction;
    private final String program;
    private final String library;
    private final String sha;

    private LuaScript(RedissonClient redisson, String kind, List<String> parts, boolean asFunction) {
        this.redisson = redisson;
        this.kind = kind;
        this.asFunction = asFunction;
        this.program = assemble(parts);
        this.library = libraryPrefix(kind) + HexFormat.of().formatHex(sha1(asLibrary("")), 0, 6);
        this.sha = HexFormat.of().formatHex(sha1(asScript()));  // as Redis names the script
        load();
    }

    /**
     * Every operation on one channel: the events, the queries, the flusher's take and release.
     *
     * @param asFunction whether Redis runs functions ({@link #functionsSupported}); else scripts
     */
    static LuaScript channel(RedissonClient redisson, boolean asFunction) {
        return new LuaScript(redisson, "channel", CHANNEL_PARTS, asFunction);
    }

    /** What a shard keeps for all its channels: claims and status over its dirty channels, its epoch. */
    static LuaScript shard(RedissonClient redisson, boolean asFunction) {
        return new LuaScript(redisson, "shard", SHARD_PARTS, asFunction);
    }

    /**
     * Whether this Redis runs function libraries: not before 7.0 (no FUNCTION command), nor
     * where the FUNCTION command is not allowed to this user or renamed.
     */
    static boolean functionsSupported(RedissonClient redisson) {
        try {
            redisson.getFunction(StringCodec.INSTANCE).list("readstate_");
            return true;
        } catch (RedisException e) {
            if (refusesFunctions(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the failure says that Redis does not run, or does not let this user run, functions. */
    static boolean refusesFunctions(RedisException failure) {
        String message = String.valueOf(failure.getMessage());
        return message.toLowerCase().contains("unknown command") || message.contains("NOPERM");
    }

    /**
     * Loads the program (again): the library on every master (replicas get it from them), or
     * the script on every node. Its names never change; a library already there is replaced by
     * the same code.
     */
    void load() {
        if (asFunction) {
            redisson.getFunction(StringCodec.INSTANCE).loadAndReplace(library, asLibrary(library));
            return;
        }
        String loaded = redisson.getScript(StringCodec.INSTANCE).scriptLoad(asScript());
        if (!sha.equals(loaded)) {
            throw new IllegalStateException("Redis names the script " + loaded + ", not " + sha);
        }
    }

    /** The library's name (when the program runs as a function). */
    String library() {
        return library;
    }

    /**
     * Deletes this program's libraries of other versions, the ones Readstate left in Redis
     * before an upgrade, and answers their names. A service of another version still running
     * (during a rolling upgrade) finds its library missing at its next call and loads it
     * again, as after a {@code FUNCTION FLUSH}; this runs only when a service starts, so two
     * versions never delete each other's in turn.
     */
    List<String> deleteOtherVersions() {
        RFunction functions = redisson.getFunction(StringCodec.INSTANCE);
        List<String> deleted = new ArrayList<>();
        for (FunctionLibrary other : functions.list(libraryPrefix(kind) + "*")) {
            String name = other.getName();
            if (!name.equals(library) && OTHER_VERSION.matcher(name.substring(libraryPrefix(kind).length())).matches()) {
                functions.delete(name);
                deleted.add(name);
            }
        }
        return deleted;
    }

    /** Queues one call on {@code batch}; {@code args.get(0)} names the operation. */
    RFuture<List<Object>> callAsync(RBatch batch, String routingKey, List<Object> keys, List<Object> args) {
        if (asFunction) {
            boolean readOnly = readOnly(args);
            return batch.getFunction(ScriptCodec.INSTANCE).callAsync(routingKey,
                    readOnly ? FunctionMode.READ : FunctionMode.WRITE, function(readOnly), FunctionResult.LIST,
                    ScriptCodec.keys(keys), args.toArray());
        }
        return batch.getScript(ScriptCodec.INSTANCE).evalShaAsync(routingKey, mode(args), sha,
                RScript.ReturnType.LIST, ScriptCodec.keys(keys), args.toArray());
    }

    /** Runs one call and waits for its reply; {@code args.get(0)} names the operation. */
    List<Object> call(String routingKey, List<Object> keys, List<Object> args) {
        if (asFunction) {
            boolean readOnly = readOnly(args);
            return redisson.getFunction(ScriptCodec.INSTANCE).call(routingKey,
                    readOnly ? FunctionMode.READ : FunctionMode.WRITE, function(readOnly), FunctionResult.LIST,
                    ScriptCodec.keys(keys), args.toArray());
        }
        return redisson.getScript(ScriptCodec.INSTANCE).evalSha(routingKey, mode(args), sha,
                RScript.ReturnType.LIST, ScriptCodec.keys(keys), args.toArray());
    }

    /** Whether the failure says the script or the function is not on the node that ran the call. */
    static boolean isMissingScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("NOSCRIPT") || message.contains("Function not found"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call with these arguments never writes: its operation, or the one 'each' runs on every channel. */
    private static boolean readOnly(List<Object> args) {
        Object operation = "each".equals(args.get(0)) ? args.get(1) : args.get(0);
        return READ_ONLY_OPERATIONS.contains(operation);
    }

    private static RScript.Mode mode(List<Object> args) {
        return readOnly(args) ? RScript.Mode.READ_ONLY : RScript.Mode.READ_WRITE;
    }

    /** The names of a program's libraries begin with this; a hash of the library's code ends them. */
    private static String libraryPrefix(String kind) {
        return "readstate_" + kind + "_";
    }

    /** The function's name: FCALL_RO calls only functions flagged no-writes, so the read-only calls have their own. */
    private String function(boolean readOnly) {
        return function(library, readOnly);
    }

    private static String function(String library, boolean readOnly) {
        return readOnly ? library + "_ro" : library;
    }

    /** As a script, KEYS and ARGV are globals that each run sets. */
    private String asScript() {
        return "local KEYS, ARGV = KEYS, ARGV\n" + program + "return call(KEYS, ARGV)\n";
    }

    /** As the library {@code name} (Redisson adds the {@code #!lua name=} line), call takes them as arguments. */
    private String asLibrary(String name) {
        return "local KEYS, ARGV\n" + program
                + "redis.register_function('" + function(name, false) + "', call)\n"
                + "redis.register_function{function_name = '" + function(name, true) + "', callback = call, "
                + "flags = { 'no-writes' }}\n";
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

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
