package io.readstate.app.db;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL that runs inside the service when no DATABASE_URL is given; its data stays between runs. */
final class EmbeddedPostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server (once per JVM) and returns its JDBC URL. */
    static synchronized String start(Path dataDirectory) {
        if (server == null) {
            try {
                Files.createDirectories(dataDirectory);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory.toAbsolutePath())
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setPort(freePort())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
            }
            LOG.warn("No DATABASE_URL set: started an embedded PostgreSQL on 127.0.0.1:{} with its data in {}. "
                    + "Set DATABASE_URL (a JDBC URL), DATABASE_USER and DATABASE_PASSWORD to use your own.",
                    server.getPort(), dataDirectory.toAbsolutePath());
        }
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the embedded server with the service. */
    static final class Shutdown implements Managed {
        @Override
        public void stop() throws IOException {
            synchronized (EmbeddedPostgresServer.class) {
                if (server != null) {
                    server.close();
                    server = null;
                }
            }
        }
    }
}
