package io.readstate.bench.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Readstate's service jar run as a child process in one mode, on private ports, against
 * a private Redis and (in the durable modes) a database of this run, with a token and an
 * admin password made for this run.
 */
public final class ServiceProcess {

    private static final String ADMIN_USER = "admin";

    private final ChildProcesses children;
    private final Process process;
    private final String mode;
    private final ReadstateApi api;
    private final AdminClient admin;
    private final Path log;

    /** Where the service keeps its state: the Redis (one server or a cluster), and the database for a durable mode. */
    public record Stores(RedisEndpoint redis, Optional<String> databaseUrl, String databaseUser) {
    }

    private ServiceProcess(ChildProcesses children, Process process, String mode, ReadstateApi api, AdminClient admin,
                           Path log) {
        this.children = children;
        this.process = process;
        this.mode = mode;
        this.api = api;
        this.admin = admin;
        this.log = log;
    }

    /** Starts the jar ({@code server config.yml}, from {@code workDir}); it answers once {@link #awaitReady} returns. */
    public static ServiceProcess start(ChildProcesses children, Path jar, Path workDir, String mode, Stores stores,
                                       Duration flushInterval, List<String> jvmOptions, Path log) {
        int httpPort = FreePort.next();
        int adminPort = FreePort.next();
        String token = UUID.randomUUID().toString();
        String password = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "server", "config.yml"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.put("READSTATE_MODE", mode);
        env.put(stores.redis().environmentVariable(), stores.redis().address());
        stores.databaseUrl().ifPresent(url -> {
            env.put("DATABASE_URL", url);
            env.put("DATABASE_USER", stores.databaseUser());
            env.put("DATABASE_PASSWORD", "");
        });
        env.put("FLUSH_INTERVAL", flushInterval.toMillis() + "ms");
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("ADMIN_PORT", Integer.toString(adminPort));
        env.put("READSTATE_API_TOKENS", token);
        env.put("READSTATE_ADMIN_USER", ADMIN_USER);
        env.put("READSTATE_ADMIN_PASSWORD", password);
        Process process = children.start(builder, log);
        return new ServiceProcess(children, process, mode, new ReadstateApi("http://127.0.0.1:" + httpPort, token),
                new AdminClient("http://127.0.0.1:" + adminPort, ADMIN_USER, password), log);
    }

    public ServiceProcess awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!admin.answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + mode + " service exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + mode + " service did not start within " + limit + "; see " + log);
            }
            Thread.sleep(100);
        }
        return this;
    }

    /** A clean stop (SIGTERM): a write-behind service drains its backlog first. */
    public void stop() {
        children.stop(process, 40);
        api.close();
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    public String mode() {
        return mode;
    }

    public ReadstateApi api() {
        return api;
    }

    public AdminClient admin() {
        return admin;
    }
}
