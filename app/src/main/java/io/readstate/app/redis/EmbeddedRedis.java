package io.readstate.app.redis;

import io.dropwizard.lifecycle.Managed;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} of our own on a free loopback port, for when no Redis is
 * configured: it saves nothing, so its state ends with the process. It is stopped as a
 * managed object, after the flusher has drained; a JVM shutdown hook stops it only once
 * that has happened (or after a grace period), so that a clean shutdown loses nothing
 * that the drain could still write.
 */
final class EmbeddedRedis implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String HOST = "127.0.0.1";
    private static final int ATTEMPTS = 3;
    private static final long GRACE_SECONDS = 60;

    private final Process process;
    private final int port;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAfterTheService, "embedded-redis-stop"));
    }

    /** Started before it is returned; a port taken in the meantime is tried again elsewhere. */
    static EmbeddedRedis started() {
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                File binary = ExecutableProvider.newJarResourceProvider().get();
                int port = freePort();
                Process process = new ProcessBuilder(binary.getAbsolutePath(), "--port", Integer.toString(port),
                        "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", binary.getParent())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (awaitListening(process, port)) {
                    return new EmbeddedRedis(process, port);
                }
                process.destroyForcibly();
                failure = new IOException("redis-server did not listen on port " + port);
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new UncheckedIOException("could not start the embedded Redis", failure);
    }

    String url() {
        return "redis://" + HOST + ":" + port;
    }

    @Override
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        stopped.countDown();
    }

    private void stopAfterTheService() {
        try {
            if (!stopped.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The service did not stop within {} s; stopping the embedded Redis now", GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private static boolean awaitListening(Process process, int port) throws IOException {
        for (int i = 0; i < 100 && process.isAlive(); i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting Redis", e);
                }
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
