package io.readstate.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spare TCP ports on 127.0.0.1 for the private servers. They are taken below the
 * kernel's ephemeral range (32768 and up), where an outgoing connection could already
 * hold the port, and never 5432 or 6379 (the machine's shared servers).
 */
final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    static int spare() {
        for (int tries = 0; tries < 500; tries++) {
            int port = LOWEST + RANDOM.nextInt(HIGHEST - LOWEST);
            if (port == 5432 || port == 6379 || !HANDED_OUT.add(port)) {
                continue;
            }
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no spare loopback port between " + LOWEST + " and " + HIGHEST);
    }

    /**
     * The first of {@code count} consecutive spare ports for Redis Cluster nodes, each with
     * its cluster bus port (10,000 above) spare too; both stay below the ephemeral range.
     */
    static int spareClusterRange(int count) {
        for (int tries = 0; tries < 500; tries++) {
            int first = 10_000 + RANDOM.nextInt(9_000);
            boolean spare = true;
            for (int i = 0; i < count && spare; i++) {
                spare = !HANDED_OUT.contains(first + i) && !HANDED_OUT.contains(first + i + 10_000)
                        && bindable(first + i) && bindable(first + i + 10_000);
            }
            if (spare) {
                for (int i = 0; i < count; i++) {
                    HANDED_OUT.add(first + i);
                    HANDED_OUT.add(first + i + 10_000);
                }
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " spare loopback ports (and their cluster bus ports)");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
