package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.RandomEvents;
import io.readstate.adapters.redis.TestRedis;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two service instances on the same Redis and PostgreSQL, each taking every other
 * request and both flushing (every 100 ms): every answer equals the rules, and so does
 * PostgreSQL once the backlog is drained, Redis wiped and rebuilt from it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoInstancesTest extends DurableServiceScenario {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = serviceIn("write-behind", PREFIX, DATABASE,
            ConfigOverride.config("flush.interval", "100ms"));
    private static final DropwizardAppExtension<ReadstateConfiguration> OTHER = serviceIn("other", "write-behind", PREFIX,
            DATABASE, ConfigOverride.config("other", "flush.interval", "100ms"));
    private static final InMemoryApi RULES = referenceRules();
    private static final ResourceExtension RULES_RESOURCES = RULES.resources();

    TwoInstancesTest() {
        super(APP, PREFIX, RULES);
    }

    @AfterAll
    static void removeKeys() {
        new TwoInstancesTest().wipeRedis();
    }

    /** A client that sends each request to the other instance than the last. */
    private static ApiClient alternating() {
        ApiClient.allowingRequestsWithoutBody(APP.client());
        ApiClient.allowingRequestsWithoutBody(OTHER.client());
        AtomicLong requests = new AtomicLong();
        return new ApiClient(path -> {
            DropwizardAppExtension<ReadstateConfiguration> instance = requests.getAndIncrement() % 2 == 0 ? APP : OTHER;
            return instance.client().target("http://127.0.0.1:" + instance.getLocalPort()).path(path);
        }, TOKEN);
    }

    private static long rowsWritten(DropwizardAppExtension<ReadstateConfiguration> instance) {
        return instance.getEnvironment().metrics().meter("readstate.flush.rows-written").getCount();
    }

    @Test
    void both_instances_serve_and_flush_and_every_answer_stays_exact() throws Exception {
        assertThat(APP.getLocalPort()).isNotEqualTo(OTHER.getLocalPort());
        rules().reset();
        SideBySide both = new SideBySide(alternating(), rules().client(), 101, new RandomEvents(101, 3, 5));
        for (int step = 0; step < 200; step++) {
            both.step("step " + step);
        }
        both.askEverything("served by two instances");

        Instant deadline = Instant.now().plusSeconds(20);
        while (adminJson("GET", "/status").path("backlog").asLong() > 0) {
            assertThat(Instant.now()).as("the two flushers drain the backlog").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(rowsWritten(APP)).as("rows the first instance flushed").isPositive();
        assertThat(rowsWritten(OTHER)).as("rows the second instance flushed").isPositive();
        wipeRedis();
        assertThat(adminText("POST", "/tasks/rehydrate")).contains("done: 3 channels, 3 restored");
        both.askEverything("rebuilt from what the two flushers wrote");
    }
}
