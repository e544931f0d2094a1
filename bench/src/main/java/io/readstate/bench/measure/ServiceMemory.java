package io.readstate.bench.measure;

import io.readstate.bench.infra.RedisServer;
import io.readstate.bench.infra.ServiceProcess;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;

/**
 * Redis memory a service uses per membership and per message: used_memory before and
 * after joining a population, and after posting a number of messages to it (in
 * write-behind, each after the backlog is written, so that only the state remains).
 */
public final class ServiceMemory {

    private static final int BATCH = 100;

    private ServiceMemory() {
    }

    public static Memory measure(ServiceProcess service, RedisServer redis, Population population, Workload workload,
                                 int messages) throws InterruptedException {
        long empty = redis.usedMemory();
        WriteBehindDrain.joinAndDrain(service, population);
        long joined = redis.usedMemory();
        Workload posts = workload.withMix(Mix.MESSAGES, 3);
        for (int i = 0; i < messages / BATCH; i++) {
            service.api().call(posts.next(BATCH)).join();
        }
        WriteBehindDrain.drain(service);
        long posted = redis.usedMemory();
        return new Memory((joined - empty) / (double) population.memberships(),
                (posted - joined) / (double) (messages / BATCH * BATCH));
    }
}
