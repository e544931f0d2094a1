package io.readstate.app.redis;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A {@code redis-server} of our own on a free loopback port, for when no Redis is
 * configured: it saves nothing, so its state ends with the process. Stopped at shutdown.
 */
final class EmbeddedRedis implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String HOST = "127.0.0.1";
    private static final int ATTEMPTS = 3;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Started before it is returned; a port taken in the meantime is tried again elsewhere. */
    static EmbeddedRedis started() {
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                int port = freePort();
                RedisServer server = RedisServer.newRedisServer().port(port).bind(HOST)
                        .setting("save \"\"").setting("appendonly no")
                        .soutListener(line -> LOG.debug("redis: {}", line))
                        .serrListener(line -> LOG.warn("redis: {}", line))
                        .onShutdownForceStop(true)
                        .build();
                server.start();
                return new EmbeddedRedis(server, port);
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
    public void stop() throws IOException {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
