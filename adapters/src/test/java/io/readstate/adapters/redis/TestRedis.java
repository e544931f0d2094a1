package io.readstate.adapters.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * The Redis that tests share, one per JVM: {@code READSTATE_TEST_REDIS_URL} when set,
 * else the machine's own Redis on 127.0.0.1:6379 when it answers, else a Testcontainers
 * Redis where Docker runs, else an embedded {@code redis-server}. Each test keeps its keys
 * apart with {@link #uniquePrefix()}.
 *
 * <p>With the system property {@code readstate.test.redis=cluster} (the build's
 * {@code cluster} test run sets it), {@link #newClient()} connects to a Redis Cluster
 * instead: 3 masters and 3 replicas started once per JVM by {@code scripts/redis-cluster.sh}
 * on free loopback ports, stopped when the JVM exits ({@link TestRedisCluster}).
 */
public final class TestRedis {

    private static String url;
    /** Whether the Redis outlives this JVM (given, or the machine's own), so that its test keys must be deleted. */
    private static boolean outlivesTests;
    /** Every prefix handed out in this JVM. */
    private static final List<String> PREFIXES = new ArrayList<>();

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = locate();
        }
        return url;
    }

    /**
     * A key prefix no other test run uses. Its keys on the shared Redis are deleted when the
     * test JVM exits: a test run left about 1,600 keys behind before.
     */
    public static synchronized String uniquePrefix() {
        String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        if (PREFIXES.isEmpty() && !onCluster()) {  // a cluster's nodes go with the JVM
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::deletePrefixedKeys, "delete-test-keys"));
        }
        PREFIXES.add(prefix);
        return prefix;
    }

    private static void deletePrefixedKeys() {
        List<String> prefixes;
        synchronized (TestRedis.class) {
            if (url == null || !outlivesTests) {
                return;
            }
            prefixes = List.copyOf(PREFIXES);
        }
        RedissonClient client = null;
        try {
            client = newClient();
            for (String prefix : prefixes) {
                client.getKeys().deleteByPattern(prefix + "*");
            }
        } catch (RuntimeException e) {
            System.err.println("could not delete the test keys from " + url + ": " + e.getMessage());
        } finally {
            if (client != null) {
                client.shutdown();
            }
        }
    }

    public static RedissonClient newClient() {
        if (onCluster()) {
            return TestRedisCluster.shared().newClient();
        }
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(url()).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16);
        return Redisson.create(config);
    }

    /** Whether this test run is against a Redis Cluster ({@code -Dreadstate.test.redis=cluster}). */
    public static boolean onCluster() {
        return "cluster".equals(System.getProperty("readstate.test.redis"));
    }

    private static String locate() {
        String given = System.getenv("READSTATE_TEST_REDIS_URL");
        if (given != null && !given.isBlank()) {
            outlivesTests = true;
            return given;
        }
        if (answers("127.0.0.1", 6379)) {
            outlivesTests = true;
            return "redis://127.0.0.1:6379";
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        return startEmbedded();
    }

    private static String startEmbedded() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("no Redis for tests: none configured, none local, no Docker, no embedded", e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static URI uri() {
        return URI.create(url());
    }
}
