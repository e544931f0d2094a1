package io.readstate.bench.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every process the benchmark starts, so that each is stopped by its pid when the
 * benchmark ends, also when it fails or is interrupted.
 */
public final class ChildProcesses implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    public ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bench-stop-children"));
    }

    /** Starts a process with its output appended to {@code log}. */
    public synchronized Process start(ProcessBuilder builder, Path log) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + builder.command(), e);
        }
    }

    /** Asks a process to stop (SIGTERM to its pid), and kills it if it has not within the grace time. */
    public void stop(Process process, long graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        forget(process);
    }

    /** Kills a process at once (SIGKILL to its pid). */
    public void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        forget(process);
    }

    private synchronized void forget(Process process) {
        started.remove(process);
    }

    @Override
    public void close() {
        List<Process> left;
        synchronized (this) {
            left = new ArrayList<>(started);
        }
        for (Process process : left) {
            stop(process, 15);
        }
    }
}
