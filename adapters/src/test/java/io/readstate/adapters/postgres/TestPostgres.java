package io.readstate.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL that tests share, one server per JVM: {@code READSTATE_TEST_DATABASE_URL}
 * (with {@code READSTATE_TEST_DATABASE_USER}) when set, else the machine's own server on
 * 127.0.0.1:5432 when it answers, else Testcontainers where Docker runs, else an embedded
 * server. Each call of {@link #newDatabase()} makes a fresh database with the schema migrated
 * (with the changelog's default partition count). The databases made on a server that
 * outlives the JVM (the machine's, or the one given) are dropped when the JVM exits.
 */
public final class TestPostgres {

    public static final String CHANGELOG = "db/readstate-changelog.sql";

    /** A server to make databases on: its base URL (ending in '/'), user and password. */
    public record Server(String baseUrl, String user, String password) {
    }

    /** One fresh, migrated database. */
    public record Database(String url, String user, String password) {
        public Jdbi jdbi() {
            return PooledConnections.jdbi(this);
        }
    }

    private static Server server;
    private static final List<String> TO_DROP = new ArrayList<>();

    private TestPostgres() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    public static Database newDatabase() {
        Database database = newEmptyDatabase();
        migrate(database);
        return database;
    }

    /** One fresh database with no schema. */
    public static Database newEmptyDatabase() {
        Server s = server();
        String name = "readstate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(s.baseUrl() + "postgres", s.user(), s.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        synchronized (TO_DROP) {
            TO_DROP.add(name);
        }
        return new Database(s.baseUrl() + name, s.user(), s.password());
    }

    /**
     * Drops the databases this JVM made (a test run makes about seventy, some 700 MB), even
     * those a pool still holds connections to ({@code WITH (FORCE)}, PostgreSQL 13 and later).
     */
    private static void dropDatabases(Server s) {
        List<String> names;
        synchronized (TO_DROP) {
            names = List.copyOf(TO_DROP);
        }
        try (Connection admin = DriverManager.getConnection(s.baseUrl() + "postgres", s.user(), s.password());
             Statement statement = admin.createStatement()) {
            for (String name : names) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + names + ": " + e.getMessage());
        }
    }

    private static Server dropsItsDatabasesAtExit(Server s) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabases(s), "drop-test-databases"));
        return s;
    }

    private static void migrate(Database database) {
        migrate(database, 0);
    }

    /** Runs the changelog's next {@code changeSets} change sets on the database, or all that are left when 0. */
    @SuppressWarnings("deprecation")
    static void migrate(Database database, int changeSets) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            liquibase.database.Database target = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), target);
            if (changeSets > 0) {
                liquibase.update(changeSets, "");
            } else {
                liquibase.update("");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot migrate " + database.url(), e);
        }
    }

    private static Server locate() {
        String given = System.getenv("READSTATE_TEST_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            String base = given.substring(0, given.lastIndexOf('/') + 1);
            return dropsItsDatabasesAtExit(new Server(base, envOr("READSTATE_TEST_DATABASE_USER", "postgres"),
                    envOr("READSTATE_TEST_DATABASE_PASSWORD", "")));
        }
        if (answers("127.0.0.1", 5432)) {
            return dropsItsDatabasesAtExit(new Server("jdbc:postgresql://127.0.0.1:5432/", "postgres", ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            String url = container.getJdbcUrl();
            return new Server(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/", "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL for tests: none configured, none local, no Docker, no embedded", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
