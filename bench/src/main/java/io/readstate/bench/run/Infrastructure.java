package io.readstate.bench.run;

import io.readstate.bench.infra.ChildProcesses;
import io.readstate.bench.infra.Database;
import io.readstate.bench.infra.Postgres;
import io.readstate.bench.infra.RedisCluster;
import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run starts and must stop: private redis-servers and Redis Clusters, the service processes, and
 * the databases it creates ({@code readstate_bench_<time>[_suffix]}), dropped at the end
 * unless asked to keep them. Logs, and the copy of the service jar the services run, go to
 * {@code bench/target/logs-<time>/}.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final ChildProcesses children = new ChildProcesses();
    private final List<Database> databases = new ArrayList<>();
    private final List<RedisCluster> clusters = new ArrayList<>();
    private final Postgres postgres;
    private final String tag = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
    private final Path logs;
    private final Path serviceJar;
    private final boolean keepDatabases;
    private final List<String> serviceJvmOptions;
    private boolean closed;

    public Infrastructure(Postgres postgres, Path serviceJar, boolean keepDatabases, List<String> serviceJvmOptions)
            throws IOException {
        if (!Files.isRegularFile(serviceJar) || !Files.isRegularFile(Path.of("config.yml"))) {
            throw new IllegalStateException("run from the project's root after building: " + serviceJar
                    + " and config.yml must be there");
        }
        this.postgres = postgres;
        this.keepDatabases = keepDatabases;
        this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
        this.logs = Files.createDirectories(Path.of("bench/target/logs-" + tag));
        // A copy: a rebuild of the jar during the run would break the services' class loading.
        this.serviceJar = Files.copy(serviceJar, logs.resolve(serviceJar.getFileName()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bench-stop-infrastructure"));
    }

    /** A fresh database of this run. */
    public Database database(String suffix) throws SQLException {
        Database database = new Database(postgres, "readstate_bench_" + tag + (suffix.isEmpty() ? "" : "_" + suffix));
        postgres.createDatabase(database.name());
        databases.add(database);
        return database;
    }

    public RedisServer redis(String name) {
        return RedisServer.start(children, logs.resolve("redis-" + name + ".log"));
    }

    /** A Redis Cluster of {@link RedisCluster#MASTERS} masters, its files in the logs' {@code cluster-<name>/}. */
    public synchronized RedisCluster redisCluster(String name) throws IOException {
        RedisCluster cluster = RedisCluster.start(Files.createDirectories(logs.resolve("cluster-" + name)));
        clusters.add(cluster);
        return cluster;
    }

    /** Starts a service; it answers once {@link ServiceProcess#awaitReady} returns. */
    public ServiceProcess service(String mode, ServiceProcess.Stores stores) {
        return service(mode, mode, stores);
    }

    /** As {@link #service(String, ServiceProcess.Stores)}, logging to {@code service-<name>.log}. */
    public ServiceProcess service(String name, String mode, ServiceProcess.Stores stores) {
        return ServiceProcess.start(children, serviceJar, Path.of("."), mode, stores, FLUSH_INTERVAL, serviceJvmOptions,
                logs.resolve("service-" + name + ".log"));
    }

    public Duration flushInterval() {
        return FLUSH_INTERVAL;
    }

    public Path logs() {
        return logs;
    }

    /** Stops what was started and drops the databases; once, whether the run ended, failed or was interrupted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        children.close();
        clusters.forEach(RedisCluster::close);
        try {
            Files.deleteIfExists(serviceJar);
        } catch (IOException e) {
            System.out.println("could not delete " + serviceJar + ": " + e.getMessage());
        }
        if (keepDatabases) {
            return;
        }
        // All at once: each DROP DATABASE waits for a checkpoint, and PostgreSQL serves concurrent requests with one.
        List<Thread> drops = databases.stream().map(database -> new Thread(() -> drop(database), "bench-drop")).toList();
        drops.forEach(Thread::start);
        for (Thread drop : drops) {
            try {
                drop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drop(Database database) {
        try {
            postgres.dropDatabase(database.name());
        } catch (SQLException e) {
            System.out.println("could not drop " + database.name() + ": " + e.getMessage());
        }
    }
}
