package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.port.StoreUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Readstate's Lua programs (as functions or scripts, see {@link LuaScript}), alone or in
 * pipelined batches, and turns Redis failures into {@link StoreUnavailable}.
 */
final class RedisScripts {

    private static final Logger LOG = LoggerFactory.getLogger(RedisScripts.class);

    /** How long the flusher waits for the replies of one of its batches. */
    static final Duration BACKGROUND_RESPONSE_TIMEOUT = Duration.ofSeconds(20);
    private static final int MESSAGE_KEPT = 400;

    private final RedissonClient redisson;
    private final LuaScript channel;
    private final LuaScript shard;
    private final Runnable whenStateLost;
    private final boolean onCluster;
    /** How many times the programs were loaded again (written under this object's lock, in {@link #loadAgain}). */
    private volatile long reloads;

    /**
     * @param whenStateLost runs when a script finds that Redis lost its state (no epoch
     *                      key), before the call is sent again: it must begin a new epoch
     */
    RedisScripts(RedissonClient redisson, Runnable whenStateLost) {
        this.redisson = redisson;
        this.whenStateLost = whenStateLost;
        this.onCluster = redisson.getConfig().isClusterConfig();
        LuaScript[] loaded = reachable(() -> load(redisson));
        this.channel = loaded[0];
        this.shard = loaded[1];
    }

    /**
     * The channel and shard programs, loaded as functions where Redis runs them, else as
     * scripts: also when a node refuses to load the library (a cluster whose nodes are not all
     * 7.0 or later yet, a user the FUNCTION command is not allowed to).
     */
    private static LuaScript[] load(RedissonClient redisson) {
        if (LuaScript.functionsSupported(redisson)) {
            try {
                LuaScript[] functions = {LuaScript.channel(redisson, true), LuaScript.shard(redisson, true)};
                LOG.info("Readstate's Lua runs as Redis functions (libraries {} and {}, loaded once)",
                        functions[0].library(), functions[1].library());
                deleteOtherVersions(functions);
                return functions;
            } catch (RedisException e) {
                if (!LuaScript.refusesFunctions(e)) {
                    throw e;
                }
                LOG.warn("Redis refused to load Readstate's function library ({}): running its Lua as scripts",
                        e.getMessage());
            }
        } else {
            LOG.info("Redis does not run functions here (before 7.0, or FUNCTION not allowed): Readstate's Lua "
                    + "runs as scripts (EVALSHA), each call defining every operation again");
        }
        return new LuaScript[] {LuaScript.channel(redisson, false), LuaScript.shard(redisson, false)};
    }

    /** Deletes the libraries earlier versions of Readstate left in Redis; a failure only leaves them there. */
    private static void deleteOtherVersions(LuaScript[] programs) {
        for (LuaScript program : programs) {
            try {
                List<String> deleted = program.deleteOtherVersions();
                if (!deleted.isEmpty()) {
                    LOG.info("Deleted the function libraries of other Readstate versions from Redis: {}", deleted);
                }
            } catch (RedisException e) {
                LOG.warn("Could not delete the function libraries of other Readstate versions from Redis ({}); "
                        + "they stay there", e.getMessage());
            }
        }
    }

    /**
     * Loads the programs again unless another call did since {@code seen}: the calls that
     * found them missing together (every request in flight when Redis restarted) load them
     * once, not once each ({@code FUNCTION LOAD} costs Redis about 0.7 ms).
     */
    private synchronized void loadAgain(long seen) {
        if (reloads == seen) {
            channel.load();
            shard.load();
            reloads++;
        }
    }

    /** Whether Redis is a cluster, where a script may touch only one hash slot's keys. */
    boolean onCluster() {
        return onCluster;
    }

    /**
     * The channels, in order, in groups of at most {@code perCall} for one script call each:
     * on a cluster each group holds channels of one shard (one hash slot), on a single Redis
     * any.
     */
    List<List<ChannelId>> inCalls(List<ChannelId> channels, int perCall) {
        Map<Integer, List<ChannelId>> byShard = new LinkedHashMap<>();
        for (ChannelId channel : channels) {
            byShard.computeIfAbsent(onCluster ? RedisKeys.shardOf(channel) : 0, shard -> new ArrayList<>()).add(channel);
        }
        List<List<ChannelId>> calls = new ArrayList<>();
        for (List<ChannelId> ofShard : byShard.values()) {
            for (int from = 0; from < ofShard.size(); from += perCall) {
                calls.add(ofShard.subList(from, Math.min(ofShard.size(), from + perCall)));
            }
        }
        return calls;
    }

    RBatch newBatch() {
        return redisson.createBatch(BatchOptions.defaults());
    }

    /**
     * A batch for the flusher, whose replies can be large: it waits up to
     * {@link #BACKGROUND_RESPONSE_TIMEOUT} for them rather than the client's timeout for
     * requests. A reply that comes after its batch timed out must be skipped by the client,
     * and Redisson skips a batch's reply again from its first byte each time more of it
     * arrives: a backlog taken under load once kept a client I/O thread busy for minutes and
     * every request on its connections failing.
     */
    RBatch newBackgroundBatch() {
        return redisson.createBatch(BatchOptions.defaults().responseTimeout(BACKGROUND_RESPONSE_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    RedissonClient redisson() {
        return redisson;
    }

    /**
     * Queues one run of the channel script; {@code args.get(0)} names the operation. The first
     * of {@code keys} is always a channel's meta key, and the call goes to its node (on a
     * cluster, every key of a call shares its hash slot).
     */
    RFuture<List<Object>> onChannel(RBatch batch, List<Object> keys, List<Object> args) {
        return channel.callAsync(batch, (String) keys.get(0), keys, args);
    }

    /** Runs the channel script, as {@link #onChannel(RBatch, List, List)} queues it. */
    List<Object> onChannel(List<Object> keys, List<Object> args) {
        return reachable(() -> channel.call((String) keys.get(0), keys, args));
    }

    /** Runs the shard script with {@code shardKeys} (one shard's); {@code args.get(0)} names the operation. */
    List<Object> onShard(List<Object> shardKeys, List<Object> args) {
        return reachable(() -> shard.call((String) shardKeys.get(0), shardKeys, args));
    }

    /**
     * Runs the shard script once on each of {@code shards}, as one pipelined batch (on a
     * cluster, one per node, sent in parallel); the replies in the order of {@code shards}.
     */
    List<List<Object>> onShards(RedisKeys keys, List<Integer> shards, List<Object> args) {
        if (shards.isEmpty()) {
            return List.of();
        }
        return reachable(() -> {
            RBatch batch = newBatch();
            List<RFuture<List<Object>>> replies = new ArrayList<>(shards.size());
            for (int s : shards) {
                List<Object> shardKeys = keys.shardKeys(s);
                replies.add(shard.callAsync(batch, (String) shardKeys.get(0), shardKeys, args));
            }
            batch.execute();
            return replies.stream().map(reply -> reply.toCompletableFuture().join()).toList();
        });
    }

    /**
     * Runs a call against Redis. When the program is missing (a flushed script cache or
     * function library, a failover, a restart) or Redis lost its state, nothing of the call was
     * applied: the programs are loaded again or a new epoch begun, and the call sent once more.
     * Any other Redis failure becomes {@link StoreUnavailable}.
     */
    <T> T reachable(Supplier<T> call) {
        try {
            for (int attempt = 1; ; attempt++) {
                long seen = reloads;  // what the call saw before it was sent
                try {
                    return call.get();
                } catch (RedisException e) {
                    if (attempt == 3 || channel == null) {
                        throw e;
                    }
                    if (LuaScript.isMissingScript(e)) {
                        loadAgain(seen);
                    } else if (isStateLost(e)) {
                        whenStateLost.run();
                    } else {
                        throw e;
                    }
                }
            }
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /**
     * The failure as the service reports it: Redisson's message names the node and the
     * problem first, then lists every command it was waiting for (tens of kilobytes for a
     * flusher's batch), so only its start is kept; the whole stays in the cause.
     */
    static StoreUnavailable unavailable(RedisException e) {
        String message = String.valueOf(e.getMessage());
        if (message.length() > MESSAGE_KEPT) {
            message = message.substring(0, MESSAGE_KEPT) + " [...]";
        }
        return new StoreUnavailable("Redis could not serve the request: " + message, e);
    }

    /**
     * Sends calls as one pipelined batch and answers their replies, in order. A call that
     * failed because its node lacks the programs or lost its state was not applied: once the
     * programs are loaded again or a new epoch begun, those calls alone are sent again, in
     * their order. The calls that succeeded are not sent again: their effects stand, and a
     * second run would answer differently (a bulk join applied twice answers "already
     * members"); on a cluster, or over shards of different epochs, a batch can fail in part.
     * Any other failure becomes {@link StoreUnavailable}.
     *
     * @param calls each queues one call on the batch it is given and answers its reply
     *              (which may depend on more than one of the batch's commands)
     */
    <T> List<T> inBatch(List<Function<RBatch, CompletionStage<T>>> calls) {
        List<T> replies = new ArrayList<>(Collections.nCopies(calls.size(), null));
        List<Integer> pending = IntStream.range(0, calls.size()).boxed().toList();
        try {
            for (int attempt = 1; ; attempt++) {
                long seen = reloads;  // what the call saw before it was sent
                RBatch batch = newBatch();
                List<CompletableFuture<T>> futures = pending.stream()
                        .map(i -> calls.get(i).apply(batch).toCompletableFuture()).toList();
                RedisException failed = null;
                try {
                    batch.execute();
                } catch (RedisException partly) {
                    failed = partly;  // each call's own outcome is read below
                }
                List<Integer> again = new ArrayList<>();
                boolean scriptsMissing = false;
                boolean stateLost = false;
                for (int k = 0; k < futures.size(); k++) {
                    if (!futures.get(k).isDone()) {
                        throw failed != null ? failed : new RedisException("a call of the batch got no reply");
                    }
                    try {
                        replies.set(pending.get(k), futures.get(k).join());
                    } catch (CompletionException | CancellationException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        boolean missing = LuaScript.isMissingScript(cause);
                        boolean lost = isStateLost(cause);
                        if (attempt == 3 || !(missing || lost)) {
                            throw cause instanceof RedisException redis ? redis
                                    : new RedisException(String.valueOf(cause.getMessage()), cause);
                        }
                        scriptsMissing |= missing;
                        stateLost |= lost;
                        again.add(pending.get(k));
                    }
                }
                if (again.isEmpty()) {
                    return replies;
                }
                if (scriptsMissing) {
                    loadAgain(seen);
                }
                if (stateLost) {
                    whenStateLost.run();
                }
                pending = again;
            }
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private static boolean isStateLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("READSTATE_LOST")) {
                return true;
            }
        }
        return false;
    }
}
