package io.readstate.adapters.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/**
 * A Redis Cluster of 3 masters and 3 replicas on loopback, started by the project's
 * {@code scripts/redis-cluster.sh} in a directory of its own and stopped by the same script
 * (by pid). {@link #shared()} starts one per JVM and stops it when the JVM exits.
 */
public final class TestRedisCluster implements AutoCloseable {

    private static final int NODES = 6;
    private static TestRedisCluster shared;

    private final Path directory;
    private final int firstPort;
    private final List<String> nodes;

    private TestRedisCluster(Path directory, int firstPort, List<String> nodes) {
        this.directory = directory;
        this.firstPort = firstPort;
        this.nodes = nodes;
    }

    public static synchronized TestRedisCluster shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts a cluster of its own (a test that kills nodes must not share it). */
    public static TestRedisCluster start() {
        return start(true);
    }

    /**
     * Starts a cluster of its own, with a replica for each master or none. The first node
     * ({@link #firstPort()}) is a master and holds the hash slots 0 to 5460.
     */
    public static TestRedisCluster start(boolean replicas) {
        try {
            Path directory = Files.createTempDirectory("readstate-redis-cluster-");
            int firstPort = freePortRange();
            String printed = replicas ? run("start", directory.toString(), Integer.toString(firstPort))
                    : run("start", directory.toString(), Integer.toString(firstPort), "--no-replicas");
            String line = Arrays.stream(printed.split("\n")).filter(l -> l.startsWith("REDIS_CLUSTER_NODES="))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the cluster script printed no nodes:\n"
                            + printed));
            List<String> nodes = List.of(line.substring("REDIS_CLUSTER_NODES=".length()).split(","));
            return new TestRedisCluster(directory, firstPort, nodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed nodes, {@code redis://127.0.0.1:port}, as {@code REDIS_CLUSTER_NODES} takes them. */
    public List<String> nodes() {
        return nodes;
    }

    public String nodesSetting() {
        return String.join(",", nodes);
    }

    public int firstPort() {
        return firstPort;
    }

    /** A client that, like the service's, reads and writes masters only and gives up on a node within 2 s. */
    public RedissonClient newClient() {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useClusterServers().addNodeAddress(nodes.toArray(String[]::new)).setReadMode(ReadMode.MASTER)
                .setScanInterval(1_000).setTimeout(1_000).setConnectTimeout(1_000).setRetryAttempts(1).setMasterConnectionMinimumIdleSize(2).setMasterConnectionPoolSize(16)
                .setSlaveConnectionMinimumIdleSize(1);
        return Redisson.create(config);
    }

    /** The pid of the node on {@code port}, from the pidfile the script had it write. */
    public long pidOf(int port) throws IOException {
        return Long.parseLong(Files.readString(directory.resolve("redis-" + port + ".pid")).trim());
    }

    /** Kills the node on {@code port} hard (SIGKILL): it keeps nothing. */
    public void kill(int port) throws IOException, InterruptedException {
        long pid = pidOf(port);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
    }

    /** Starts the node on {@code port} again, empty, in its old place in the cluster. */
    public void restart(int port) throws IOException {
        run("restart", directory.toString(), Integer.toString(port));
    }

    @Override
    public void close() {
        try {
            run("stop", directory.toString());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the test Redis Cluster in " + directory + ": " + e);
        }
    }

    private static String run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the cluster script did not finish within 60 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the cluster script failed (" + command + "):\n" + output);
        }
        return output;
    }

    /** scripts/redis-cluster.sh, found from the module's directory upwards. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/redis-cluster.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/redis-cluster.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** A first port such that the nodes' ports and their cluster bus ports (+10000) are all free. */
    private static int freePortRange() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20_000 + ThreadLocalRandom.current().nextInt(30_000);
            boolean free = true;
            for (int i = 0; i < NODES && free; i++) {
                free = isFree(first + i) && isFree(first + i + 10_000);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("found no free range of ports for a test Redis Cluster");
    }

    private static boolean isFree(int port) {
        if (port > 65_535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
