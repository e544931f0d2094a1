package io.readstate.bench.infra;

/**
 * Where a service finds its Redis: the environment variable that names it to the service
 * and its value ({@code REDIS_URL} for one server, {@code REDIS_CLUSTER_NODES} for a cluster).
 */
public interface RedisEndpoint {

    String environmentVariable();

    String address();
}
