package io.readstate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.workload.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void sends_each_request_to_the_next_target_in_turn() {
        List<String> received = new ArrayList<>();
        List<Target> targets = List.of("a", "b", "c").stream().<Target>map(name -> events -> {
            received.add(name);
            return CompletableFuture.completedFuture(null);
        }).toList();
        RoundRobin roundRobin = new RoundRobin(targets);

        for (int i = 0; i < 7; i++) {
            roundRobin.send(List.of(new Event.UnreadQuery("u"))).join();
        }

        assertThat(received).containsExactly("a", "b", "c", "a", "b", "c", "a");
    }
}
