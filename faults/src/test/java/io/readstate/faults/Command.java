package io.readstate.faults;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short external command (kill, chown, initdb, pg_ctl...): run it, wait for it, keep what it printed. */
record Command(List<String> argv) {

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    /** Runs the command as the {@code postgres} user (the tests run as root; PostgreSQL refuses to). */
    static Command asPostgres(String... argv) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(List.of(argv));
        return new Command(wrapped);
    }

    Result run(Duration timeout) {
        Path output = null;
        try {
            // a file rather than a pipe: a daemon the command leaves behind must not hold our read open
            output = Files.createTempFile("readstate-faults-command", ".out");
            Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(this + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + this + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + this, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Runs the command and fails, with what it printed, unless it exits with 0. */
    String runOrFail(Duration timeout) {
        Result result = run(timeout);
        if (!result.succeeded()) {
            throw new IllegalStateException(this + " exited with " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
