package io.readstate.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisAddressTest {

    @Test
    void the_address_names_host_and_port_only() {
        assertThat(RedisAddress.of("redis://10.0.0.5:6380")).isEqualTo("10.0.0.5:6380");
        assertThat(RedisAddress.of("rediss://user:s3cret@cache.example.com:6379/0")).isEqualTo("cache.example.com:6379");
        assertThat(RedisAddress.of("redis://:s3cret@cache")).isEqualTo("cache:6379");
    }

    @Test
    void a_url_that_cannot_be_read_is_not_repeated() {
        assertThat(RedisAddress.of("not a url with s3cret")).doesNotContain("s3cret");
        assertThat(RedisAddress.of("s3cret")).doesNotContain("s3cret");
    }
}
