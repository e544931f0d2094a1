package io.readstate.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heads read back against the seqs sent: only channels sent messages since, each compared with its last seq. */
class HeadsTest {

    private FakeService service;

    /** A service whose channels have the given heads (any other channel: 404). */
    private void serviceWithHeads(Map<String, Long> heads) throws IOException {
        service = new FakeService(path -> {
            String channel = path.substring("/v1/channels/".length());
            Long head = heads.get(channel);
            return head == null ? new FakeService.Answer(404, "{\"code\":\"not_found\"}")
                    : new FakeService.Answer(200, "{\"channelId\":\"" + channel + "\",\"headSeq\": " + head + "}");
        });
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void a_head_above_the_last_seq_sent_shows_seqs_sent_again_and_one_below_a_last_message_not_applied()
            throws IOException {
        Population population = Population.uniform("h", 4, 2, 10, 1);
        long[] before = population.lastSeqs();
        Workload messages = new Workload(population, Mix.MESSAGES, 1);
        while (population.lastSeqs()[0] < 3 || population.lastSeqs()[1] < 3 || population.lastSeqs()[2] < 3) {
            messages.next();
        }
        long[] sent = population.lastSeqs();
        before[3] = sent[3];  // the fourth channel: no message since
        String at = population.channels().get(0).id();
        String above = population.channels().get(1).id();
        String below = population.channels().get(2).id();
        serviceWithHeads(Map.of(at, sent[0], above, sent[1] + 5, below, sent[2] - 1));

        Heads.Comparison heads = Heads.compare(service.api(), population, before);

        assertThat(heads.channels()).isEqualTo(3);
        assertThat(heads.above()).containsExactly(above + " (head " + (sent[1] + 5) + ", last sent " + sent[1] + ")");
        assertThat(heads.below()).containsExactly(below + " (head " + (sent[2] - 1) + ", last sent " + sent[2] + ")");
    }
}
