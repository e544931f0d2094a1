package io.readstate.bench.measure;

import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.workload.Channel;
import io.readstate.bench.workload.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's heads against the seqs the benchmark sent: a check that the messages measured
 * were new ones. A channel whose head is above the last seq sent to it had seqs sent again
 * (a workload begun afresh on channels already written), and the service refused those
 * messages as not new, which costs it far less than applying them.
 */
public final class Heads {

    private static final Pattern HEAD = Pattern.compile("\"headSeq\"\\s*:\\s*(\\d+)");

    /** Of the channels sent messages since {@code before}: how many, and which heads were not the last seq sent. */
    public record Comparison(int channels, List<String> above, List<String> below) {
    }

    private Heads() {
    }

    /**
     * @param before {@link Population#lastSeqs()} before the messages to check were sent
     */
    public static Comparison compare(ReadstateApi api, Population population, long[] before) {
        long[] sent = population.lastSeqs();
        List<Channel> channels = population.channels();
        int compared = 0;
        List<String> above = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            if (sent[i] == before[i]) {
                continue;
            }
            compared++;
            String id = channels.get(i).id();
            long head = head(api.get("/v1/channels/" + id));
            String described = id + " (head " + head + ", last sent " + sent[i] + ")";
            if (head > sent[i]) {
                above.add(described);
            } else if (head < sent[i]) {
                below.add(described);
            }
        }
        return new Comparison(compared, List.copyOf(above), List.copyOf(below));
    }

    private static long head(String channel) {
        if (channel == null) {
            return 0;
        }
        Matcher matcher = HEAD.matcher(channel);
        if (!matcher.find()) {
            throw new IllegalStateException("no headSeq in " + channel);
        }
        return Long.parseLong(matcher.group(1));
    }
}
