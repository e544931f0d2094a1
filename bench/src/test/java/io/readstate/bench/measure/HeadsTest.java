package io.readstate.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.workload.Mix;
import io.readstate.bench.workload.Population;
import io.readstate.bench.workload.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heads read back against the seqs sent: only channels sent messages since, each compared with its last seq. */
class HeadsTest {

    private HttpServer server;
    private ReadstateApi api;

    /** A service whose channels have the given heads (any other channel: 404). */
    private ReadstateApi serviceWithHeads(Map<String, Long> heads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/channels/", exchange -> {
            String channel = exchange.getRequestURI().getPath().substring("/v1/channels/".length());
            Long head = heads.get(channel);
            byte[] body = (head == null ? "{\"code\":\"not_found\"}" : "{\"channelId\":\"" + channel + "\",\"headSeq\": "
                    + head + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(head == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        api = new ReadstateApi("http://127.0.0.1:" + server.getAddress().getPort(), "token");
        return api;
    }

    @AfterEach
    void stop() {
        api.close();
        server.stop(0);
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

        Heads.Comparison heads = Heads.compare(api, population, before);

        assertThat(heads.channels()).isEqualTo(3);
        assertThat(heads.above()).containsExactly(above + " (head " + (sent[1] + 5) + ", last sent " + sent[1] + ")");
        assertThat(heads.below()).containsExactly(below + " (head " + (sent[2] - 1) + ", last sent " + sent[2] + ")");
    }
}
