package io.readstate.adapters.redis;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * A test class's Redisson client on the test Redis ({@link TestRedis}): connected before
 * the class's tests and shut down after them. A test takes its own key prefix, whose keys
 * are deleted when the test ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestRedisClient REDIS = new TestRedisClient();
 * private final String prefix = REDIS.uniquePrefix();
 * }</pre>
 */
public final class TestRedisClient implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final List<String> prefixes = new ArrayList<>();
    private RedissonClient client;

    /** The client, from before the class's first test to after its last. */
    public RedissonClient client() {
        if (client == null) {
            throw new IllegalStateException("the client connects before the class's tests: register the extension");
        }
        return client;
    }

    /** A key prefix no other test uses; its keys go when the test ends. */
    public synchronized String uniquePrefix() {
        String prefix = TestRedis.uniquePrefix();
        prefixes.add(prefix);
        return prefix;
    }

    /** Deletes every key of the running test's prefixes: what a Redis that lost its state holds of them. */
    public synchronized void deleteKeys() {
        prefixes.forEach(prefix -> client().getKeys().deleteByPattern(prefix + "*"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        client = TestRedis.newClient();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        deleteKeys();
        prefixes.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.shutdown();
        client = null;
    }
}
