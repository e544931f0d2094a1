package io.readstate.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A PostgreSQL 15 cluster of the scenario's own: {@code initdb} into a temporary
 * directory owned by {@code postgres} (trust authentication), served on a spare
 * loopback port by {@code pg_ctl}, run as {@code postgres}. The faults: a fast stop and
 * an immediate stop (a crash: no checkpoint, crash recovery at the next start).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Duration PG_CTL_PATIENCE = Duration.ofSeconds(60);

    private final Path directory;
    private final Path data;
    private final int port;
    private final Path logCopy;
    private boolean running;

    private PrivatePostgres(Path directory, int port, Path logCopy) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.logCopy = logCopy;
    }

    /** A new cluster, started; its server log is copied to {@code logCopy} when it is closed. */
    static PrivatePostgres start(Path logCopy) {
        Path directory;
        try {
            directory = Files.createTempDirectory("readstate-faults-pg");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for PostgreSQL: " + e.getMessage(), e);
        }
        PrivatePostgres postgres = new PrivatePostgres(directory, LoopbackPorts.spare(), logCopy);
        try {
            Command.of("chown", "postgres:postgres", directory.toString()).runOrFail(Duration.ofSeconds(10));
            Command.asPostgres(binary("initdb"), "-D", postgres.data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--no-sync").runOrFail(PG_CTL_PATIENCE);
            postgres.start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    void start() {
        Command.asPostgres(binary("pg_ctl"), "-D", data.toString(), "-l", directory.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "-t", "60", "start")
                .runOrFail(PG_CTL_PATIENCE);
        running = true;
        postmasterPid().ifPresent(pid -> Reaper.watch(pid, "postgres on port " + port));
    }

    /** {@code pg_ctl stop -m fast}: a clean shutdown. */
    void stopFast() {
        stop("fast");
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, as in a crash. */
    void stopImmediate() {
        stop("immediate");
    }

    private void stop(String mode) {
        Optional<Long> pid = postmasterPid();
        Command.asPostgres(binary("pg_ctl"), "-D", data.toString(), "-m", mode, "-w", "-t", "60", "stop")
                .runOrFail(PG_CTL_PATIENCE);
        running = false;
        pid.ifPresent(Reaper::forget);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops the server (immediately) if it runs, kills it by pid if it will not stop, and removes its files. */
    @Override
    public void close() {
        try {
            if (running) {
                Optional<Long> pid = postmasterPid();
                if (!Command.asPostgres(binary("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "-t", "20",
                        "stop").run(Duration.ofSeconds(30)).succeeded()) {
                    pid.ifPresent(Reaper::kill);
                }
                pid.ifPresent(Reaper::forget);
                running = false;
            }
        } finally {
            try {
                Path log = directory.resolve("postgres.log");
                if (Files.exists(log)) {
                    Files.copy(log, logCopy, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ignored) {
                // the log is a convenience
            }
            Command.of("rm", "-rf", directory.toString()).run(Duration.ofSeconds(30));
        }
    }

    /** A PostgreSQL 15 program: where {@code dpkg -L postgresql-15} puts {@code initdb}, else the usual place. */
    private static String binary(String name) {
        return Binaries.DIRECTORY.resolve(name).toString();
    }

    private static final class Binaries {
        static final Path DIRECTORY = locate();

        private static Path locate() {
            Command.Result listing = Command.of("dpkg", "-L", "postgresql-15").run(Duration.ofSeconds(20));
            return Arrays.stream(listing.output().split("\n"))
                    .filter(line -> line.endsWith("/bin/initdb"))
                    .findFirst()
                    .map(line -> Path.of(line).getParent())
                    .orElse(Path.of("/usr/lib/postgresql/15/bin"));
        }
    }
}
