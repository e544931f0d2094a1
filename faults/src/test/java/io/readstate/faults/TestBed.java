package io.readstate.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one scenario runs: a private PostgreSQL, a private Redis (more on demand)
 * and the service instances, with their logs under {@code faults/target/fault-logs/<scenario>/}.
 * Closing it stops every one of them, by pid, whatever state the scenario left them in.
 */
final class TestBed implements AutoCloseable {

    private final Path logs;
    private final List<AutoCloseable> started = new ArrayList<>();
    private PrivatePostgres postgres;
    private PrivateRedis redis;

    private TestBed(Path logs) {
        this.logs = logs;
    }

    static TestBed start(String scenario) {
        Path logs = FaultReport.TARGET.resolve("fault-logs").resolve(scenario);
        try {
            if (Files.exists(logs)) {
                try (var old = Files.walk(logs)) {  // a cluster's nodes keep their files in a folder of their own
                    for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
                        if (!file.equals(logs)) {
                            Files.delete(file);
                        }
                    }
                }
            }
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalStateException("no log directory " + logs + ": " + e.getMessage(), e);
        }
        TestBed bed = new TestBed(logs);
        try {
            bed.postgres = PrivatePostgres.start(logs.resolve("postgres.log"));
            bed.started.add(bed.postgres);
            bed.redis = bed.newRedis("redis");
        } catch (RuntimeException e) {
            bed.close();
            throw e;
        }
        return bed;
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    PrivateRedis redis() {
        return redis;
    }

    /** Another private Redis (for an instance that must not share the first one). */
    PrivateRedis newRedis(String name) {
        PrivateRedis another = PrivateRedis.start(logs.resolve(name + ".log"));
        started.add(another);
        return another;
    }

    /** A Redis Cluster of 3 masters and 3 replicas, its nodes' files and logs beside the bed's logs. */
    PrivateRedisCluster newCluster(String name) {
        PrivateRedisCluster cluster = PrivateRedisCluster.start(logs.resolve(name));
        started.add(cluster);
        return cluster;
    }

    /** Write-behind on this bed's Redis and PostgreSQL, flushing every second. */
    ServiceInstance.Settings writeBehind() {
        return ServiceInstance.Settings.writeBehind(redis, postgres);
    }

    /** Starts an instance and waits until it answers. */
    ServiceInstance service(String name, ServiceInstance.Settings settings) {
        ServiceInstance instance = ServiceInstance.start(name, settings, logs.resolve(name + ".log"));
        started.add(instance);
        return instance;
    }

    /** Stops the services first, then Redis, then PostgreSQL; a failure to stop one does not spare the others. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop everything the scenario started", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
