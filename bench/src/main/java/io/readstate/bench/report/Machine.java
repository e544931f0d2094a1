package io.readstate.bench.report;

import io.readstate.bench.infra.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run measured: CPUs, memory, CPU model, date, its load (uptime) before and
 * after, and how often it stalls a thread that is ready to run (measured before anything starts).
 */
public record Machine(int cpus, long memoryKib, String cpuModel, Instant date, String loadBefore, String loadAfter,
                      String java, String redis, Stalls stalls) {

    /** How long a run measures the machine's stalls before it starts anything. */
    public static final Duration STALL_PROBE = Duration.ofSeconds(5);

    public static Machine describe(Duration stallProbe) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return new Machine(cpus, readMemoryKib(), readCpuModel(), Instant.now(), uptime(),
                "", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Command.run(10, "redis-server", "--version").trim(), Stalls.measure(cpus, stallProbe));
    }

    public Machine finished() {
        return new Machine(cpus, memoryKib, cpuModel, date, loadBefore, uptime(), java, redis, stalls);
    }

    public String describeLine() {
        return String.format(Locale.ROOT, "%d CPUs (nproc), %.1f GiB memory, %s", cpus, memoryKib / 1024.0 / 1024.0,
                cpuModel);
    }

    /** The machine as a run's progress shows it when the run starts: CPUs, memory, load and stalls. */
    public String progressLine() {
        return "machine: " + describeLine() + "; " + loadBefore + "; " + stalls.describe();
    }

    private static String uptime() {
        return Command.run(10, "uptime").trim();
    }

    private static long readMemoryKib() {
        return line("/proc/meminfo", "MemTotal:").map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
    }

    private static String readCpuModel() {
        return line("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static Optional<String> line(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
