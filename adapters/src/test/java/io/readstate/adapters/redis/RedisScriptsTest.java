package io.readstate.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.port.StoreUnavailable;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisTimeoutException;

class RedisScriptsTest {

    @Test
    void a_failure_is_reported_by_the_start_of_redissons_message_with_the_whole_kept_in_the_cause() {
        String commands = ", command: (EVALSHA), params: [sha, 16, rs:{s1}:c:a:meta, ...]".repeat(500);
        RedisTimeoutException timeout = new RedisTimeoutException(
                "Redis server response timeout (20000 ms) occurred after 1 of 1 retry attempts" + commands);

        StoreUnavailable reported = RedisScripts.unavailable(timeout);

        assertThat(reported.getMessage())
                .startsWith("Redis could not serve the request: Redis server response timeout (20000 ms)")
                .endsWith(" [...]")
                .hasSizeLessThan(500);
        assertThat(reported.getCause()).isSameAs(timeout);
    }

    @Test
    void a_short_failure_is_reported_whole() {
        StoreUnavailable reported = RedisScripts.unavailable(new RedisTimeoutException("Connection refused"));

        assertThat(reported.getMessage()).isEqualTo("Redis could not serve the request: Connection refused");
    }
}
