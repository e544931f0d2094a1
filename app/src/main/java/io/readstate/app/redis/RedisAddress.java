package io.readstate.app.redis;

import java.net.URI;

/** Where a Redis URL points, fit for a log: {@code host:port}, never the credentials it may carry. */
final class RedisAddress {

    private static final int DEFAULT_PORT = 6379;

    private RedisAddress() {
    }

    static String of(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null) {
                return "(an address that is not a redis://host:port URL)";
            }
            return uri.getHost() + ":" + (uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        } catch (IllegalArgumentException notAUri) {
            return "(an address that is not a redis://host:port URL)";
        }
    }
}
