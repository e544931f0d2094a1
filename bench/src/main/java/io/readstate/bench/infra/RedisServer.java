package io.readstate.bench.infra;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private redis-server that the benchmark starts on a loopback port without any
 * persistence, can kill hard and restart empty, and asks through redis-cli.
 */
public final class RedisServer implements RedisEndpoint {

    private static final Pattern USED_MEMORY = Pattern.compile("(?m)^used_memory:(\\d+)");
    private static final Pattern CLIENT_BUFFERS = Pattern.compile("(?m)^mem_clients_normal:(\\d+)");

    private final ChildProcesses children;
    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(ChildProcesses children, int port, Path log) {
        this.children = children;
        this.port = port;
        this.log = log;
    }

    public static RedisServer start(ChildProcesses children, Path log) {
        RedisServer redis = new RedisServer(children, FreePort.next(), log);
        redis.launch();
        return redis;
    }

    private void launch() {
        process = children.start(new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no"), log);
        for (int i = 0; i < 100; i++) {
            try {
                if (cli("PING").trim().equals("PONG")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer; see " + log);
    }

    /** A clean stop (SIGTERM). */
    public void stop() {
        children.stop(process, 10);
    }

    /** kill -9, as a machine or container dying would. */
    public void killHard() throws InterruptedException {
        children.kill(process);
    }

    /** Starts the server again on the same port, empty. */
    public void restartEmpty() {
        launch();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public String environmentVariable() {
        return "REDIS_URL";
    }

    @Override
    public String address() {
        return url();
    }

    public long pid() {
        return process.pid();
    }

    /** INFO memory's used_memory less the clients' buffers (mem_clients_normal), which come and go with connections. */
    public long usedMemory() {
        String info = cli("INFO", "memory");
        return field(info, USED_MEMORY) - field(info, CLIENT_BUFFERS);
    }

    private static long field(String info, Pattern pattern) {
        Matcher matcher = pattern.matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("INFO memory without " + pattern);
        }
        return Long.parseLong(matcher.group(1));
    }

    public void flushAll() {
        cli("FLUSHALL");
    }

    public String cli(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "redis-cli";
        command[1] = "-p";
        command[2] = Integer.toString(port);
        System.arraycopy(args, 0, command, 3, args.length);
        String output = Command.run(60, command);
        if (output.startsWith("Could not connect") || output.startsWith("ERR")) {
            throw new IllegalStateException(output);
        }
        return output;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
