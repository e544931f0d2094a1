package io.readstate.bench.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * A Redis Cluster of masters only on loopback, started and stopped (by the pids it
 * wrote) with the project's {@code scripts/redis-cluster.sh}. Its nodes take consecutive
 * ports between 10,000 and 19,000, each with its cluster bus port 10,000 above it spare
 * too, all below the kernel's ephemeral range.
 */
public final class RedisCluster implements RedisEndpoint, AutoCloseable {

    public static final int MASTERS = 3;
    private static final Path SCRIPT = Path.of("scripts/redis-cluster.sh");
    private static final String PRINTED = "REDIS_CLUSTER_NODES=";
    private static final Random RANDOM = new Random();

    private final Path directory;
    private final String nodes;
    private boolean stopped;

    private RedisCluster(Path directory, String nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    /** Starts the cluster with its files (pids, logs, node configurations) in {@code directory}. */
    public static RedisCluster start(Path directory) {
        int firstPort = spareRange();
        String printed = Command.run(120, SCRIPT.toString(), "start", directory.toString(), Integer.toString(firstPort),
                "--no-replicas");
        String nodes = Arrays.stream(printed.split("\n")).filter(line -> line.startsWith(PRINTED))
                .map(line -> line.substring(PRINTED.length()).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the cluster script printed no nodes: " + printed));
        return new RedisCluster(directory, nodes);
    }

    private static int spareRange() {
        for (int tries = 0; tries < 500; tries++) {
            int first = 10_000 + RANDOM.nextInt(9_000 - MASTERS);
            boolean spare = true;
            for (int i = 0; i < MASTERS && spare; i++) {
                spare = bindable(first + i) && bindable(first + i + 10_000);
            }
            if (spare) {
                return first;
            }
        }
        throw new IllegalStateException("no " + MASTERS + " spare loopback ports (and their cluster bus ports)");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    @Override
    public String environmentVariable() {
        return "REDIS_CLUSTER_NODES";
    }

    /** The seed nodes, {@code redis://127.0.0.1:port,...}. */
    @Override
    public String address() {
        return nodes;
    }

    /** Stops every node by its pid; once. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Command.run(60, SCRIPT.toString(), "stop", directory.toString());
        } catch (IllegalStateException | UncheckedIOException e) {
            System.out.println("could not stop the Redis Cluster in " + directory + ": " + e.getMessage());
        }
    }
}
