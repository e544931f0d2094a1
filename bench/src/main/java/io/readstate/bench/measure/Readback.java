package io.readstate.bench.measure;

import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.workload.Channel;
import io.readstate.bench.workload.Event;
import io.readstate.bench.workload.Population;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads heads and read positions back from the service and counts the acknowledged events they do not reflect. */
final class Readback {

    private static final Pattern HEAD = Pattern.compile("\"headSeq\"\\s*:\\s*(\\d+)");
    private static final Pattern LAST_READ = Pattern.compile("\"lastReadSeq\"\\s*:\\s*(\\d+)");

    private static final Duration UNAVAILABLE_LIMIT = Duration.ofSeconds(30);

    private final ReadstateApi api;
    private final Population population;

    Readback(ReadstateApi api, Population population) {
        this.api = api;
        this.population = population;
    }

    long lost(List<AckLog.Ack> applied) {
        long deadline = System.nanoTime() + UNAVAILABLE_LIMIT.toNanos();
        Map<String, Long> heads = new HashMap<>();
        Map<String, Long> positions = new HashMap<>();
        for (Channel channel : population.channels()) {
            heads.put(channel.id(), number(getWhileUnavailable("/v1/channels/" + channel.id(), deadline), HEAD));
            for (int k = 0; k < channel.size(); k++) {
                String member = channel.member(k);
                positions.put(channel.id() + "/" + member,
                        number(getWhileUnavailable("/v1/channels/" + channel.id() + "/members/" + member, deadline),
                                LAST_READ));
            }
        }
        long lost = 0;
        for (AckLog.Ack ack : applied) {
            if (ack.event() instanceof Event.Message message) {
                lost += message.seq() > heads.get(message.channel()) ? 1 : 0;
            } else if (ack.event() instanceof Event.Read read) {
                lost += ack.lastReadSeq() > positions.get(read.channel() + "/" + read.user()) ? 1 : 0;
            }
        }
        return lost;
    }

    /**
     * GET a path, asked again while the service answers 503 (its Redis not reachable yet:
     * a client reconnecting to the restarted server) until {@code deadline} ({@link
     * #UNAVAILABLE_LIMIT} after the readback began, for all its requests together).
     */
    private String getWhileUnavailable(String path, long deadline) {
        while (true) {
            try {
                return api.get(path);
            } catch (CompletionException e) {
                boolean unavailable = e.getCause() instanceof ReadstateApi.HttpFailure failure && failure.status() == 503;
                if (!unavailable || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A number from a body; 0 when there is no body (404: the channel or member is unknown). */
    private static long number(String body, Pattern field) {
        if (body == null) {
            return 0;
        }
        Matcher matcher = field.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
