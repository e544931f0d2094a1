package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.TestRedis;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL refusing connections under write-behind: writes keep succeeding, the
 * backlog and the lag grow and the health checks say so; when it takes connections
 * again the flusher drains the backlog by itself and nothing is lost.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageTest extends DurableServiceScenario {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = serviceIn("write-behind", PREFIX, DATABASE,
            ConfigOverride.config("flush.interval", "100ms"),
            ConfigOverride.config("flush.maxBackoff", "400ms"),
            ConfigOverride.config("flush.syncLagLimit", "1s"));
    private static final InMemoryApi RULES = referenceRules();
    private static final ResourceExtension RULES_RESOURCES = RULES.resources();

    DatabaseOutageTest() {
        super(APP, PREFIX, RULES);
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        allowConnections(true);
        new DatabaseOutageTest().wipeRedis();
    }

    @Test
    void writes_go_on_while_postgres_refuses_and_the_backlog_drains_by_itself_afterwards() throws Exception {
        SideBySide both = traffic(61, 80);
        awaitTrue("the flusher drains the backlog", Duration.ofSeconds(20), () -> backlog() == 0);

        allowConnections(false);
        for (int step = 0; step < 80; step++) {
            both.step("during the outage, step " + step);
        }
        long lagSeen = awaitLag(1_500);
        assertThat(backlog()).isPositive();
        try (Response health = admin("GET", "/healthcheck", false)) {
            String checks = health.readEntity(String.class);
            assertThat(health.getStatus()).isEqualTo(500);
            assertThat(checks).containsPattern("\"postgres\":\\{\"healthy\":false")
                    .containsPattern("\"sync-lag\":\\{\"healthy\":false");
        }
        assertThat(awaitLag(lagSeen + 500)).as("the lag keeps growing").isGreaterThan(lagSeen);

        allowConnections(true);
        awaitTrue("the backlog drains once PostgreSQL is back", Duration.ofSeconds(20), () -> backlog() == 0);
        assertThat(adminJson("GET", "/status").path("lagMillis").asLong()).isZero();

        wipeRedis();
        assertThat(adminText("POST", "/tasks/rehydrate")).contains("done: 3 channels, 3 restored");
        both.askEverything("after the outage, rebuilt from PostgreSQL");
    }

    private long backlog() {
        return adminJson("GET", "/status").path("backlog").asLong();
    }

    private long awaitLag(long atLeast) throws InterruptedException {
        long[] lag = new long[1];
        awaitTrue("a sync lag of at least " + atLeast + " ms", Duration.ofSeconds(20), () -> {
            lag[0] = adminJson("GET", "/status").path("lagMillis").asLong();
            return lag[0] >= atLeast;
        });
        return lag[0];
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Makes the test database refuse (or accept again) every connection, ending the open ones. */
    private static void allowConnections(boolean allowed) throws SQLException {
        TestPostgres.Server server = TestPostgres.server();
        String name = DATABASE.url().substring(DATABASE.url().lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(server.baseUrl() + "postgres", server.user(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        }
    }
}
