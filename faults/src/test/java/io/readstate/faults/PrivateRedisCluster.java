package io.readstate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A Redis Cluster of 3 masters and 3 replicas on spare loopback ports, started and
 * stopped (by pid) with the project's {@code scripts/redis-cluster.sh}. The first node
 * is a master.
 */
final class PrivateRedisCluster implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "scripts", "redis-cluster.sh");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path directory;
    private final int firstPort;
    private final String nodes;

    private PrivateRedisCluster(Path directory, int firstPort, String nodes) {
        this.directory = directory;
        this.firstPort = firstPort;
        this.nodes = nodes;
    }

    static PrivateRedisCluster start(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int firstPort = LoopbackPorts.spareClusterRange(6);
        String printed = Command.of(SCRIPT.toString(), "start", directory.toString(), Integer.toString(firstPort))
                .runOrFail(PATIENCE);
        String nodes = Arrays.stream(printed.split("\n")).filter(line -> line.startsWith("REDIS_CLUSTER_NODES="))
                .map(line -> line.substring("REDIS_CLUSTER_NODES=".length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the cluster script printed no nodes: " + printed));
        return new PrivateRedisCluster(directory, firstPort, nodes);
    }

    /** The seeds, as {@code REDIS_CLUSTER_NODES} takes them. */
    String nodes() {
        return nodes;
    }

    int firstPort() {
        return firstPort;
    }

    /** Kills a node with SIGKILL, by the pid its pidfile holds. */
    void killHard(int port) {
        try {
            long pid = Long.parseLong(Files.readString(directory.resolve("redis-" + port + ".pid")).trim());
            Command.of("kill", "-9", Long.toString(pid)).runOrFail(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The role of the node on {@code port} ({@code master} or {@code slave}), from its INFO. */
    String role(int port) {
        String info = Command.of("redis-cli", "-p", Integer.toString(port), "info", "replication").runOrFail(PATIENCE);
        return Arrays.stream(info.split("\r?\n")).filter(line -> line.startsWith("role:"))
                .map(line -> line.substring("role:".length())).findFirst().orElse("unknown");
    }

    /** Empties every master (a loss of everything, with the cluster still standing). */
    void flushAll() {
        Command.of("redis-cli", "--cluster", "call", "127.0.0.1:" + firstPort, "FLUSHALL").run(PATIENCE);
    }

    @Override
    public void close() {
        Command.of(SCRIPT.toString(), "stop", directory.toString()).run(PATIENCE);
    }
}
