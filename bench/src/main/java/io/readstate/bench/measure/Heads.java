package io.readstate.bench.measure;

import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.infra.ReadstateApi.MessageCount;
import io.readstate.bench.workload.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's heads against the seqs the benchmark sent: a check that the messages measured
 * were new ones. A message whose seq is at or below its channel's head changes nothing and
 * costs the service far less than one it applies, so a phase that sent seqs again (a
 * workload begun afresh on channels already written) measured refusals. Before a phase
 * ({@link #before}) each channel's head must not be above the last seq the population sent
 * it; after ({@link #after}) not above the last seq sent either. The messages answered
 * {@code "applied": false} in between are counted too: a message overtaken in flight by a
 * later one of its channel is refused as well.
 */
public final class Heads {

    private static final Pattern HEAD = Pattern.compile("\"headSeq\"\\s*:\\s*(\\d+)");

    /** Before a phase: the seqs sent and the heads (0 for a channel the service does not know), the messages answered. */
    public record Before(Population population, List<ReadstateApi> apis, long[] lastSeqs, long[] heads,
                         MessageCount messages) {
    }

    /** A channel whose head is not the last seq sent to it. */
    public record Mismatch(String channel, long head, long lastSent) {

        @Override
        public String toString() {
            return channel + " (head " + head + ", last sent " + lastSent + ")";
        }
    }

    /**
     * Of the channels sent messages in the phase: how many; those whose head was already above
     * the seqs sent before it; those whose head ended above or below the last seq sent; and the
     * messages answered in the phase, with those refused.
     */
    public record Comparison(int channels, List<Mismatch> aheadBefore, List<Mismatch> above, List<Mismatch> below,
                             MessageCount messages) {
    }

    private Heads() {
    }

    /**
     * @param apis the clients that carry the phase's requests (the first reads the heads; on
     *             several instances every one sees the same Redis)
     */
    public static Before before(Population population, List<ReadstateApi> apis) {
        return new Before(population, List.copyOf(apis), population.lastSeqs(), heads(apis.get(0), population),
                messages(apis));
    }

    public static Comparison after(Before before) {
        Population population = before.population();
        long[] sent = population.lastSeqs();
        long[] heads = heads(before.apis().get(0), population);
        int compared = 0;
        List<Mismatch> aheadBefore = new ArrayList<>();
        List<Mismatch> above = new ArrayList<>();
        List<Mismatch> below = new ArrayList<>();
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] == before.lastSeqs()[i]) {
                continue;
            }
            compared++;
            String channel = population.channels().get(i).id();
            if (before.heads()[i] > before.lastSeqs()[i]) {
                aheadBefore.add(new Mismatch(channel, before.heads()[i], before.lastSeqs()[i]));
            }
            if (heads[i] > sent[i]) {
                above.add(new Mismatch(channel, heads[i], sent[i]));
            } else if (heads[i] < sent[i]) {
                below.add(new Mismatch(channel, heads[i], sent[i]));
            }
        }
        return new Comparison(compared, List.copyOf(aheadBefore), List.copyOf(above), List.copyOf(below),
                messages(before.apis()).minus(before.messages()));
    }

    private static MessageCount messages(List<ReadstateApi> apis) {
        return apis.stream().map(ReadstateApi::messages).reduce(new MessageCount(0, 0), MessageCount::plus);
    }

    /** Each channel's head, in the order of the population's channels. */
    private static long[] heads(ReadstateApi api, Population population) {
        long[] heads = new long[population.channels().size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = headSeq(api.get("/v1/channels/" + population.channels().get(i).id()));
        }
        return heads;
    }

    /** The headSeq of a channel's answer; 0 for a channel the service does not know (no answer). */
    private static long headSeq(String body) {
        if (body == null) {
            return 0;
        }
        Matcher matcher = HEAD.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no headSeq in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }
}
