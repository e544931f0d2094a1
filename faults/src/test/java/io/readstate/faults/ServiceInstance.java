package io.readstate.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar ({@code java -jar app/target/readstate.jar server config.yml}) as a
 * child process, configured through its environment, its output appended to a log file
 * under {@code faults/target/}. It can be killed hard ({@link #killHard()}: SIGKILL),
 * stopped gracefully ({@link #stopGracefully()}: SIGTERM) and started again on the same
 * ports.
 */
final class ServiceInstance implements AutoCloseable {

    static final String TOKEN = "fault-suite-token";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "fault-suite-admin";

    private static final Path JAR = Path.of(System.getProperty("readstate.jar", "../app/target/readstate.jar"));
    private static final Path CONFIG = Path.of(System.getProperty("readstate.config", "../config.yml"));
    private static final Duration START_PATIENCE = Duration.ofSeconds(90);

    private final String name;
    private final Map<String, String> environment;
    private final List<String> configOverrides;
    private final Path log;
    private final int httpPort;
    private final int adminPort;
    private final ServiceClient client;
    private Process process;

    /**
     * How to start one instance. {@code configOverrides} are Dropwizard's {@code -Ddw.}
     * overrides for settings that have no environment variable (such as {@code flush.lease=5s}).
     */
    record Settings(String mode, String redisUrl, String jdbcUrl, String databaseUser, String flushInterval,
                    List<String> configOverrides, String redisClusterNodes) {

        static Settings writeBehind(PrivateRedis redis, PrivatePostgres postgres) {
            return new Settings("write-behind", redis.url(), postgres.jdbcUrl(), postgres.user(), "1s", List.of(), "");
        }

        Settings mode(String newMode) {
            return new Settings(newMode, redisUrl, jdbcUrl, databaseUser, flushInterval, configOverrides, redisClusterNodes);
        }

        Settings redis(PrivateRedis redis) {
            return new Settings(mode, redis.url(), jdbcUrl, databaseUser, flushInterval, configOverrides, redisClusterNodes);
        }

        Settings flushInterval(String interval) {
            return new Settings(mode, redisUrl, jdbcUrl, databaseUser, interval, configOverrides, redisClusterNodes);
        }

        /** The same on a Redis Cluster: its seed nodes, as {@code REDIS_CLUSTER_NODES} takes them. */
        Settings onCluster(String nodes) {
            return new Settings(mode, redisUrl, jdbcUrl, databaseUser, flushInterval, configOverrides, nodes);
        }

        Settings override(String setting) {
            List<String> more = new ArrayList<>(configOverrides);
            more.add(setting);
            return new Settings(mode, redisUrl, jdbcUrl, databaseUser, flushInterval, List.copyOf(more), redisClusterNodes);
        }
    }

    private ServiceInstance(String name, Settings settings, Path log) {
        this.name = name;
        this.log = log;
        this.httpPort = LoopbackPorts.spare();
        this.adminPort = LoopbackPorts.spare();
        this.client = new ServiceClient(httpPort, adminPort);
        this.configOverrides = settings.configOverrides();
        this.environment = new LinkedHashMap<>();
        environment.put("REDIS_URL", settings.redisUrl());
        environment.put("REDIS_CLUSTER_NODES", settings.redisClusterNodes());
        environment.put("DATABASE_URL", settings.jdbcUrl());
        environment.put("DATABASE_USER", settings.databaseUser());
        environment.put("DATABASE_PASSWORD", "");
        environment.put("READSTATE_MODE", settings.mode());
        environment.put("FLUSH_INTERVAL", settings.flushInterval());
        environment.put("HTTP_PORT", Integer.toString(httpPort));
        environment.put("ADMIN_PORT", Integer.toString(adminPort));
        environment.put("READSTATE_API_TOKENS", TOKEN);
        environment.put("READSTATE_ADMIN_USER", ADMIN_USER);
        environment.put("READSTATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** Starts an instance and waits until both its ports answer. */
    static ServiceInstance start(String name, Settings settings, Path log) {
        ServiceInstance instance = new ServiceInstance(name, settings, log);
        instance.launch();
        try {
            instance.awaitReady();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    /** Starts the process without waiting for it (see {@link #awaitReady()}). */
    void launch() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " is missing: build it first with "
                    + "`mvn -B -q -o package -DskipTests -pl app -am`");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // the API port of a private instance listens on loopback only
                "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1"));
        configOverrides.forEach(setting -> command.add("-Ddw." + setting));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().normalize().toString(), "server",
                CONFIG.toAbsolutePath().normalize().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // nothing of the machine's own Readstate settings may leak into a private instance
        builder.environment().keySet().removeIf(key -> key.startsWith("READSTATE_") || key.startsWith("DATABASE_")
                || key.startsWith("REDIS_") || key.equals("FLUSH_INTERVAL") || key.endsWith("_PORT"));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "---- " + Instant.now() + " starting " + name + ": "
                    + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
        Reaper.watch(process.pid(), name);
    }

    /** Waits until the admin port answers /status and the API port answers at all. */
    void awaitReady() {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; its log "
                        + log + " ends with:\n" + tail());
            }
            if (client.answers()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not start within " + START_PATIENCE + "; its log " + log
                        + " ends with:\n" + tail());
            }
            Pause.millis(100);
        }
    }

    /** SIGKILL ({@code Process.destroyForcibly()}, i.e. kill -9): no shutdown hook, no drain. */
    void killHard() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM ({@code Process.destroy()}): Dropwizard stops, and the flusher drains what it can. */
    void stopGracefully() {
        process.destroy();
        awaitExit(Duration.ofSeconds(60));
    }

    /** Starts the same instance again (same ports, same settings) and waits for it. */
    void restart() {
        launch();
        awaitReady();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    ServiceClient client() {
        return client;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    private void awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reaper.forget(process.pid());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (alive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
