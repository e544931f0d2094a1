package io.readstate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * The chat-like mix used to compare the modes: per message about three reads, over
 * channels of 50 members, one request per event (closed loop, each thread on its own
 * channels). Prints events/s and request latency; the caller reads PostgreSQL's own
 * counters around it.
 *
 * <p>Usage: {@code java -cp bench/target/readstate-bench.jar io.readstate.bench.MixedWorkload baseUrl token events threads}
 */
public final class MixedWorkload {

    private static final int MEMBERS = 50;
    private static final int CHANNELS_PER_THREAD = 4;

    public static void main(String[] args) throws Exception {
        Http http = new Http(args[0], args[1]);
        int events = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            users.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
        }
        for (int t = 0; t < threads; t++) {
            for (int c = 0; c < CHANNELS_PER_THREAD; c++) {
                http.send("PUT", "/v1/channels/mix-" + run + "-" + t + "-" + c + "/members", "{\"userIds\":[" + users + "]}");
            }
        }
        Recorder latency = new Recorder(3);
        AtomicLong remaining = new AtomicLong(events);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                Random random = new Random(thread);
                long[] seq = new long[CHANNELS_PER_THREAD];
                while (remaining.getAndDecrement() > 0) {
                    int c = random.nextInt(CHANNELS_PER_THREAD);
                    String channel = "/v1/channels/mix-" + run + "-" + thread + "-" + c;
                    long sent = System.nanoTime();
                    if (random.nextInt(4) == 0 || seq[c] == 0) {
                        String mention = random.nextInt(10) == 0 ? "\"u" + (1 + random.nextInt(MEMBERS - 1)) + "\"" : "";
                        http.send("POST", channel + "/messages", "{\"seq\":" + (++seq[c]) + ",\"senderId\":\"u"
                                + random.nextInt(MEMBERS) + "\",\"mentions\":[" + mention + "]}");
                    } else {
                        http.send("POST", channel + "/read", "{\"userId\":\"u" + random.nextInt(MEMBERS) + "\"}");
                    }
                    latency.recordValue(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        var histogram = latency.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "mixed workload: %d events in %.1f s: %.0f events/s, p50 %.2f ms, p99 %.2f ms%n",
                events, seconds, events / seconds, histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6);
    }
}
