package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no Redis URL the service starts on an embedded Redis, and works. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EmbeddedRedisServiceTest {

    private static final String TOKEN = "embedded-test-token";
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = new DropwizardAppExtension<>(
            ReadstateApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("redis.url", ""),
            ConfigOverride.config("auth.apiTokens", TOKEN),
            ConfigOverride.config("auth.adminPassword", "not-a-secret"));

    @Test
    void the_service_runs_on_an_embedded_redis_when_none_is_configured() {
        ApiClient.allowingRequestsWithoutBody(APP.client());
        ApiClient api = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getLocalPort()).path(path),
                TOKEN);
        ApiClient admin = new ApiClient(path -> APP.client().target("http://127.0.0.1:" + APP.getAdminPort()).path(path),
                null);

        assertThat(api.put("/v1/channels/embedded/members/alice").status()).isEqualTo(201);
        assertThat(api.post("/v1/channels/embedded/messages", "{\"seq\": 1, \"senderId\": \"bob\"}").get("recipients")
                .asLong()).isEqualTo(1);
        assertThat(admin.get("/healthcheck").get("redis").path("healthy").asBoolean()).isTrue();
        assertThat(APP.getConfiguration().getRedis().describeAddress()).startsWith("127.0.0.1:").doesNotEndWith(":6379");
    }
}
