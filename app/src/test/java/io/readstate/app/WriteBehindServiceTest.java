package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.TestRedis;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default mode end to end: the backlog rises with the traffic and returns to 0 after
 * the flush task; Redis wiped and rehydrated answers exactly as before; the tasks need the
 * admin password.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WriteBehindServiceTest extends DurableServiceScenario {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = serviceIn("write-behind", PREFIX, DATABASE,
            ConfigOverride.config("flush.interval", "1h"));
    private static final InMemoryApi RULES = referenceRules();
    private static final ResourceExtension RULES_RESOURCES = RULES.resources();

    WriteBehindServiceTest() {
        super(APP, PREFIX, RULES);
    }

    @AfterAll
    static void removeKeys() {
        new WriteBehindServiceTest().wipeRedis();
    }

    @Test
    void after_a_flush_redis_can_be_wiped_and_rebuilt_with_every_answer_unchanged() {
        SideBySide both = traffic(41, 250);
        JsonNode before = adminJson("GET", "/status");
        assertThat(before.path("mode").asText()).isEqualTo("write-behind");
        assertThat(before.path("backlog").asLong()).as("backlog after traffic").isPositive();
        assertThat(before.path("lagMillis").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode flushed = adminJson("POST", "/tasks/flush");
        assertThat(flushed.path("rowsWritten").asLong()).isPositive();
        assertThat(flushed.path("backlog").asLong()).isZero();
        JsonNode after = adminJson("GET", "/status");
        assertThat(after.path("backlog").asLong()).isZero();
        assertThat(after.path("lagMillis").asLong()).isZero();
        assertThat(after.path("lastFlushAt").isTextual()).isTrue();
        assertThat(after.path("flushedRowsTotal").asLong()).isEqualTo(flushed.path("rowsWritten").asLong());
        assertThat(after.path("recovering").asBoolean()).isFalse();

        wipeRedis();
        String progress = adminText("POST", "/tasks/rehydrate");
        assertThat(progress).contains("3/3 channels").contains("done: 3 channels, 3 restored");
        both.askEverything("after rehydration");
        for (int step = 0; step < 60; step++) {
            both.step("after rehydration, step " + step);
        }
        both.askEverything("after more traffic");

        adminJson("POST", "/tasks/flush");
        wipeRedis();
        both.askEverything("rebuilt by itself, channel by channel, after Redis lost everything");
        JsonNode loss = adminJson("GET", "/status").path("lastRedisLoss");
        assertThat(loss.path("detectedAt").isTextual()).as("the loss is reported: %s", loss).isTrue();
        assertThat(loss.path("checkpointAgeMillis").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void the_tasks_need_the_admin_password_and_status_and_health_do_not() {
        try (Response flush = admin("POST", "/tasks/flush", false);
             Response rehydrate = admin("POST", "/tasks/rehydrate", false);
             Response status = admin("GET", "/status", false);
             Response health = admin("GET", "/healthcheck", false)) {
            assertThat(flush.getStatus()).isEqualTo(401);
            assertThat(rehydrate.getStatus()).isEqualTo(401);
            assertThat(status.getStatus()).isEqualTo(200);
            String checks = health.readEntity(String.class);
            assertThat(checks).contains("\"redis\"").contains("\"postgres\"").contains("\"sync-lag\"");
        }
    }

    @Test
    void a_task_given_a_parameter_it_does_not_take_answers_422_without_running() throws Exception {
        try (Response misspelled = admin("POST", "/tasks/rehydrate", "chanel", "general");
             Response flush = admin("POST", "/tasks/flush", "all", "1")) {
            assertThat(misspelled.getStatus()).isEqualTo(422);
            JsonNode error = JSON.readTree(misspelled.readEntity(String.class));
            assertThat(error.path("code").asText()).isEqualTo("validation_failed");
            assertThat(error.path("message").asText()).contains("unknown parameter 'chanel'");
            assertThat(flush.getStatus()).isEqualTo(422);
        }
    }
}
