package io.readstate.bench.peer;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** A Redisson client for the peer, sized for a small machine. */
public final class PeerRedis {

    private PeerRedis() {
    }

    public static RedissonClient connect(String url) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setNettyThreads(4);
        config.useSingleServer().setAddress(url).setConnectionPoolSize(32).setConnectionMinimumIdleSize(8)
                .setTimeout(10_000).setRetryAttempts(0);
        return Redisson.create(config);
    }
}
