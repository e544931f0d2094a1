package io.readstate.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line of defence: every process a scenario starts is registered here by pid,
 * and whatever is still alive when the test JVM exits (a scenario interrupted by its
 * timeout, a test run stopped halfway) is killed with SIGKILL, by pid. Scenarios stop
 * their processes themselves in {@code finally}; this only catches what they could not.
 */
final class Reaper {

    private static final Map<Long, String> ALIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::killAll, "fault-suite-reaper"));
    }

    private Reaper() {
    }

    static void watch(long pid, String what) {
        ALIVE.put(pid, what);
    }

    static void forget(long pid) {
        ALIVE.remove(pid);
    }

    /** Sends SIGKILL to one process, by pid, if it still runs. */
    static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        forget(pid);
    }

    private static void killAll() {
        ALIVE.keySet().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
