package io.readstate.bench.measure;

import io.readstate.bench.infra.Command;
import io.readstate.bench.infra.RedisServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** redis-benchmark's SET and INCR rates on the benchmark's own Redis: what one Redis does with nothing in front. */
public final class RedisCeiling {

    private static final Pattern LINE = Pattern.compile("(?m)^(\\w+): ([\\d.]+) requests per second(?:, p50=([\\d.]+) msec)?");

    /** Requests per second and p50 (ms) of SET and of INCR. */
    public record Rates(double set, double setP50, double incr, double incrP50) {
    }

    private RedisCeiling() {
    }

    public static Rates measure(RedisServer redis, int requests) {
        String output = Command.run(300, "redis-benchmark", "-p", Integer.toString(redis.port()), "-q", "-t", "set,incr",
                "-n", Integer.toString(requests));
        Map<String, double[]> rates = new LinkedHashMap<>();
        Matcher matcher = LINE.matcher(output.replace('\r', '\n'));
        while (matcher.find()) {
            rates.put(matcher.group(1), new double[] {Double.parseDouble(matcher.group(2)),
                    matcher.group(3) == null ? Double.NaN : Double.parseDouble(matcher.group(3))});
        }
        if (!rates.containsKey("SET") || !rates.containsKey("INCR")) {
            throw new IllegalStateException("unexpected redis-benchmark output: " + output);
        }
        redis.flushAll();
        return new Rates(rates.get("SET")[0], rates.get("SET")[1], rates.get("INCR")[0], rates.get("INCR")[1]);
    }
}
