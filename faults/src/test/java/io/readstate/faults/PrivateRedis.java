package io.readstate.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A redis-server of the scenario's own on a spare loopback port, with no persistence
 * (a restart starts empty), its output in a log file. The faults: {@link #pause()} and
 * {@link #resume()} (SIGSTOP and SIGCONT), {@link #killHard()} (kill -9), a restart
 * on the same port, and {@link #flushAll()}.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path log;
    private Process process;

    private PrivateRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static PrivateRedis start(Path log) {
        PrivateRedis redis = new PrivateRedis(LoopbackPorts.spare(), log);
        redis.start();
        return redis;
    }

    /** Starts redis-server on this port (again, after a kill: it comes back empty). */
    void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server (is it on the PATH?): " + e.getMessage(), e);
        }
        Reaper.watch(process.pid(), "redis-server on port " + port);
        awaitPong(Duration.ofSeconds(10));
    }

    private void awaitPong(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                if ("PONG".equals(Resp.once(port, "PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " exited; see " + log);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not answer within " + patience);
            }
            Pause.millis(50);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Freezes the server (kill -STOP): connections stay open, nothing is answered. */
    void pause() {
        Command.of("kill", "-STOP", Long.toString(pid())).runOrFail(Duration.ofSeconds(5));
    }

    void resume() {
        Command.of("kill", "-CONT", Long.toString(pid())).runOrFail(Duration.ofSeconds(5));
    }

    /** kill -9: everything it held is gone. */
    void killHard() {
        Command.of("kill", "-9", Long.toString(pid())).runOrFail(Duration.ofSeconds(5));
        awaitExit();
    }

    void flushAll() {
        try {
            Resp.once(port, "FLUSHALL");
        } catch (IOException e) {
            throw new IllegalStateException("FLUSHALL on the private Redis failed: " + e.getMessage(), e);
        }
    }

    /** Whether a key exists; on a connection the caller keeps open (for tight polling). */
    static boolean exists(Resp connection, String key) throws IOException {
        return Long.valueOf(1).equals(connection.call("EXISTS", key));
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reaper.forget(process.pid());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL also ends a stopped process
            awaitExit();
        }
    }
}
