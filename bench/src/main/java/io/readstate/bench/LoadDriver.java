package io.readstate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Posts messages to 2-, 1,000- and 10,000-member channels of a running Readstate, one
 * request per message and in /v1/events batches, and prints messages/s with p50/p99
 * latency for each, after a warm-up run that is not measured. Closed loop: each of the worker threads sends its next request when
 * the last one is answered.
 *
 * <p>Usage: {@code java -jar bench/target/readstate-bench.jar [baseUrl] [token] [messages] [threads]}
 * (defaults: http://127.0.0.1:8080, $READSTATE_API_TOKENS's first token, 20000, 8).
 */
public final class LoadDriver {

    private static final int BATCH = 100;

    private final Http http;
    private final int messages;
    private final int threads;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private LoadDriver(Http http, int messages, int threads) {
        this.http = http;
        this.messages = messages;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String token = args.length > 1 ? args[1] : firstToken(System.getenv("READSTATE_API_TOKENS"));
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        new LoadDriver(new Http(url, token), messages, threads).runAll();
    }

    private static String firstToken(String tokens) {
        if (tokens == null || tokens.isBlank()) {
            throw new IllegalArgumentException("give the API token as the second argument or in READSTATE_API_TOKENS");
        }
        return tokens.split(",")[0].trim();
    }

    private void runAll() throws Exception {
        System.out.printf("Readstate load driver: %d messages per run, %d threads, each thread on its own channel%n",
                messages, threads);
        System.out.println("warming up (not measured)...");
        postOneByOne(prepare("warmup", 2));
        postInBatches(prepare("warmup-events", 2));
        for (int members : new int[] {2, 1_000, 10_000}) {
            report("single requests", members, postOneByOne(prepare("single", members)));
            report("/v1/events x" + BATCH, members, postInBatches(prepare("events", members)));
        }
    }

    /** One channel per thread, each with {@code members} members. */
    private List<String> prepare(String kind, int members) {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < members; i++) {
            users.append(i == 0 ? "" : ",").append("\"member-").append(i).append('"');
        }
        List<String> channels = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String channel = "load-" + run + "-" + kind + "-" + members + "-" + t;
            http.send("PUT", "/v1/channels/" + channel + "/members", "{\"userIds\":[" + users + "]}");
            channels.add(channel);
        }
        return channels;
    }

    private record Result(long messages, long nanos, Histogram latency) {
    }

    /** What one worker thread sends next, given its channel and that channel's next seq. */
    private interface Request {
        int send(String channel, AtomicLong nextSeq);
    }

    private Result postOneByOne(List<String> channels) throws Exception {
        return drive(channels, messages, (channel, nextSeq) -> {
            http.send("POST", "/v1/channels/" + channel + "/messages", message(nextSeq.incrementAndGet()));
            return 1;
        });
    }

    private Result postInBatches(List<String> channels) throws Exception {
        return drive(channels, messages / BATCH, (channel, nextSeq) -> {
            StringBuilder events = new StringBuilder("{\"events\":[");
            for (int i = 0; i < BATCH; i++) {
                events.append(i == 0 ? "" : ",").append("{\"type\":\"message\",\"channelId\":\"").append(channel)
                        .append("\",").append(message(nextSeq.incrementAndGet()).substring(1));
            }
            http.send("POST", "/v1/events", events.append("]}").toString());
            return BATCH;
        });
    }

    private static String message(long seq) {
        String mentions = seq % 10 == 0 ? "\"member-1\"" : "";
        return "{\"seq\":" + seq + ",\"senderId\":\"member-" + (seq % 2) + "\",\"mentions\":[" + mentions + "]}";
    }

    /** Runs {@code requests} requests over the worker threads, thread t on channel t. */
    private Result drive(List<String> channels, int requests, Request request) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong remaining = new AtomicLong(requests);
        AtomicLong carried = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (String channel : channels) {
            workers.add(pool.submit(() -> {
                AtomicLong nextSeq = new AtomicLong();
                while (remaining.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    carried.addAndGet(request.send(channel, nextSeq));
                    recorder.recordValue(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.SECONDS);
        return new Result(carried.get(), nanos, recorder.getIntervalHistogram());
    }

    private static void report(String how, int members, Result result) {
        double seconds = result.nanos() / 1e9;
        System.out.printf(Locale.ROOT, "%-18s %5d members: %8.0f messages/s   request p50 %6.2f ms   p99 %6.2f ms%n",
                how, members, result.messages() / seconds,
                result.latency().getValueAtPercentile(50) / 1e6, result.latency().getValueAtPercentile(99) / 1e6);
    }
}
