package io.readstate.app.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis that holds the read state: a Redis Cluster when {@code clusterNodes} names
 * seed nodes (comma-separated {@code redis://host:port}; it takes precedence), else one
 * Redis at {@code url} ({@code redis://[:password@]host:port}; empty starts an embedded
 * Redis); the time a command may take, the key prefix, the connection pool and the
 * client's I/O threads. {@link #build(Environment)} connects and closes the client at
 * shutdown.
 */
public class RedisFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RedisFactory.class);
    private static final int RETRY_ATTEMPTS = 1;
    private static final java.time.Duration RETRY_DELAY = java.time.Duration.ofMillis(50);
    private static final int CLUSTER_SCAN_MILLIS = 1_000;
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private String url;

    private String clusterNodes;

    @NotNull
    private Duration timeout = Duration.seconds(2);

    @NotEmpty
    @Pattern(regexp = "[^{}]*", message = "may not contain braces (they mark Redis Cluster hash tags)")
    private String keyPrefix = "rs:";

    @Min(1)
    @Max(10_000)
    private int connectionPoolSize = 4 * CPUS;

    @Min(1)
    @Max(256)
    private int nettyThreads = Math.min(256, 2 * CPUS);

    private String address;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getClusterNodes() {
        return clusterNodes;
    }

    @JsonProperty
    public void setClusterNodes(String clusterNodes) {
        this.clusterNodes = clusterNodes;
    }

    @JsonProperty
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @JsonProperty
    public String getKeyPrefix() {
        return keyPrefix;
    }

    @JsonProperty
    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    @JsonProperty
    public int getConnectionPoolSize() {
        return connectionPoolSize;
    }

    @JsonProperty
    public void setConnectionPoolSize(int connectionPoolSize) {
        this.connectionPoolSize = connectionPoolSize;
    }

    /**
     * The threads that write commands to Redis and read its replies: by default two per CPU,
     * with four connections per CPU (per node of a cluster). Redisson's defaults, 32 threads
     * and 64 connections, cost a service on 2 CPUs twice the CPU per request: one request
     * per event at 1,500 a second took 1,000 to 2,500 us of service CPU each and could not be
     * held (answers 2 s late), where 4 threads and 8 connections held 1,500 and 2,500 a second
     * at 400 to 490 us (p99 13 to 30 ms, mostly; 90 s after start, in two runs each). Either
     * change alone did not do it. Fewer threads could stall more requests behind one decoding a
     * large reply (a flush of thousands of entries), but messages to 10,000-member channels at
     * 4,000 and 8,000 a second had the same p99s with both settings (20 to 85 ms).
     */
    @JsonProperty
    public int getNettyThreads() {
        return nettyThreads;
    }

    @JsonProperty
    public void setNettyThreads(int nettyThreads) {
        this.nettyThreads = nettyThreads;
    }

    /** The client, connected; with no url, to an embedded Redis started first. Both stop at shutdown. */
    public RedissonClient build(Environment environment) {
        List<String> seeds = seedNodes();
        if (!seeds.isEmpty()) {
            address = "a Redis Cluster (seeds " + seeds.stream().map(RedisAddress::of).collect(Collectors.joining(", "))
                    + ")";
            RedissonClient client = Redisson.create(clusterConfig(seeds));
            environment.lifecycle().manage(new RedisClientShutdown(client));
            return client;
        }
        String target = url;
        if (target == null || target.isBlank()) {
            EmbeddedRedis embedded = EmbeddedRedis.started();
            environment.lifecycle().manage(embedded);
            target = embedded.url();
            LOG.warn("REDIS_URL is unset, so the service started an embedded Redis at {}. It keeps nothing across "
                    + "restarts; set REDIS_URL=redis://host:port to use a real Redis.", RedisAddress.of(target));
        }
        address = RedisAddress.of(target);
        RedissonClient client = Redisson.create(config(target));
        environment.lifecycle().manage(new RedisClientShutdown(client));
        return client;
    }

    /** Where the built client points ({@code host:port}, or the cluster's seeds), for the log. */
    public String describeAddress() {
        return address;
    }

    /** The cluster's seed nodes, empty when none are configured. */
    private List<String> seedNodes() {
        if (clusterNodes == null) {
            return List.of();
        }
        return Arrays.stream(clusterNodes.split(",")).map(String::trim).filter(node -> !node.isEmpty()).toList();
    }

    /**
     * Every command goes to the master of its slot (a replica may lag behind, and counts
     * must not go back); the topology is checked every second so that a failover is
     * followed quickly.
     */
    private Config clusterConfig(List<String> seeds) {
        Config config = baseConfig();
        config.useClusterServers()
                .addNodeAddress(seeds.toArray(String[]::new))
                .setReadMode(ReadMode.MASTER)
                .setScanInterval(CLUSTER_SCAN_MILLIS)
                .setTimeout(attemptMillis())
                .setConnectTimeout(attemptMillis())
                .setRetryAttempts(RETRY_ATTEMPTS)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY))
                .setMasterConnectionPoolSize(connectionPoolSize)
                .setMasterConnectionMinimumIdleSize(Math.min(connectionPoolSize, 8))
                .setSlaveConnectionMinimumIdleSize(1);
        return config;
    }

    /**
     * Strings both ways; no Redisson references (objects stored as references to other
     * Redisson objects): Readstate stores none, and looking for them cost a reflective check
     * of every argument and reply: 2 to 3% of the service's CPU samples in profiles under load.
     */
    private Config baseConfig() {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setNettyThreads(nettyThreads);
        config.setReferenceEnabled(false);
        return config;
    }

    private int attemptMillis() {
        return (int) Math.max(1, timeout.toMilliseconds() / (RETRY_ATTEMPTS + 1));
    }

    private Config config(String target) {
        int attemptMillis = attemptMillis();
        Config config = baseConfig();
        config.useSingleServer()
                .setAddress(target)
                .setTimeout(attemptMillis)
                .setConnectTimeout(attemptMillis)
                .setRetryAttempts(RETRY_ATTEMPTS)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY))
                .setConnectionPoolSize(connectionPoolSize)
                .setConnectionMinimumIdleSize(Math.min(connectionPoolSize, 8));
        return config;
    }
}
