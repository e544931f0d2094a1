package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Write-through end to end: PostgreSQL holds every change at once, so Redis wiped with no flush at all loses nothing. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WriteThroughServiceTest extends DurableServiceScenario {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = serviceIn("write-through", PREFIX, DATABASE);
    private static final InMemoryApi RULES = referenceRules();
    private static final ResourceExtension RULES_RESOURCES = RULES.resources();

    WriteThroughServiceTest() {
        super(APP, PREFIX, RULES);
    }

    @AfterAll
    static void removeKeys() {
        new WriteThroughServiceTest().wipeRedis();
    }

    @Test
    void redis_wiped_without_any_flush_is_rebuilt_with_every_answer_unchanged() {
        SideBySide both = traffic(51, 200);
        JsonNode status = adminJson("GET", "/status");
        assertThat(status.path("mode").asText()).isEqualTo("write-through");
        assertThat(status.path("backlog").asLong()).isZero();

        wipeRedis();
        assertThat(adminText("POST", "/tasks/rehydrate")).contains("done: 3 channels, 3 restored");
        both.askEverything("after rehydration");
        for (int step = 0; step < 60; step++) {
            both.step("after rehydration, step " + step);
        }
        both.askEverything("after more traffic");
    }
}
