package io.readstate.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.infra.ReadstateApi.MessageCount;
import io.readstate.bench.workload.Event;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The heads read back around a phase against the seqs sent: only channels sent messages in it,
 * each compared with the seqs sent before and the last one; and the messages refused in it.
 */
class HeadsTest {

    private final Map<String, Long> heads = new ConcurrentHashMap<>();
    private FakeService service;

    /** A service whose channels have the heads in {@link #heads} (any other: 404), every event of a batch refused. */
    private void start() throws IOException {
        service = new FakeService(path -> {
            if (path.equals("/v1/events")) {
                return new FakeService.Answer(200, "{\"results\":[{\"index\":0,\"status\":200,\"applied\":false},"
                        + "{\"index\":1,\"status\":200,\"applied\":false},{\"index\":2,\"status\":200,\"applied\":true}]}");
            }
            String channel = path.substring("/v1/channels/".length());
            Long head = heads.get(channel);
            return head == null ? new FakeService.Answer(404, "{\"code\":\"not_found\"}")
                    : new FakeService.Answer(200, "{\"channelId\":\"" + channel + "\",\"headSeq\": " + head + "}");
        });
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void heads_above_the_seqs_sent_before_or_after_show_seqs_sent_again_and_one_below_a_last_message_not_applied()
            throws IOException {
        Population population = Population.uniform("h", 5, 2, 10, 1);
        String at = population.channels().get(0).id();
        String above = population.channels().get(1).id();
        String below = population.channels().get(2).id();
        String aheadBefore = population.channels().get(3).id();
        heads.put(aheadBefore, 50L);  // written before by another workload; the others unknown yet
        start();
        Heads.Before before = Heads.before(population, List.of(service.api()));
        Workload messages = new Workload(population, Mix.MESSAGES, 1);
        while (population.lastSeqs()[0] < 3 || population.lastSeqs()[1] < 3 || population.lastSeqs()[2] < 3
                || population.lastSeqs()[3] < 3) {
            messages.next();
        }
        long[] sent = population.lastSeqs();
        heads.put(at, sent[0]);
        heads.put(above, sent[1] + 5);
        heads.put(below, sent[2] - 1);
        heads.put(aheadBefore, 50L);

        Heads.Comparison comparison = Heads.after(before);

        int sentTo = sent[4] > 0 ? 5 : 4;
        assertThat(comparison.channels()).isEqualTo(sentTo);
        assertThat(comparison.aheadBefore()).containsExactly(new Heads.Mismatch(aheadBefore, 50, 0));
        assertThat(comparison.above()).containsExactly(new Heads.Mismatch(above, sent[1] + 5, sent[1]),
                new Heads.Mismatch(aheadBefore, 50, sent[3]));
        assertThat(comparison.below()).startsWith(new Heads.Mismatch(below, sent[2] - 1, sent[2]));
    }

    @Test
    void the_messages_of_a_batch_answered_not_applied_are_counted_as_refused_and_reads_are_not() throws IOException {
        Population population = Population.uniform("r", 1, 2, 10, 1);
        start();
        Heads.Before before = Heads.before(population, List.of(service.api()));
        String channel = population.channels().get(0).id();
        service.api().send(List.of(new Event.Message(channel, 1, "u1", List.of(), false), new Event.Read(channel, "u2"),
                new Event.Message(channel, 2, "u1", List.of(), false))).join();

        assertThat(Heads.after(before).messages()).isEqualTo(new MessageCount(2, 1));
    }
}
