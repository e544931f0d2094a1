package io.readstate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.bench.workload.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    private static final List<Event> REQUEST = List.of(new Event.UnreadQuery("u1"));

    @Test
    void keeps_a_few_requests_in_flight_and_sends_the_next_when_one_is_answered() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Target slow = events -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return CompletableFuture.runAsync(inFlight::decrementAndGet,
                    CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS));
        };

        WarmUp.Outcome outcome = WarmUp.run(() -> REQUEST, slow, Duration.ofMillis(300));

        assertThat(most.get()).isEqualTo(WarmUp.IN_FLIGHT);
        assertThat(outcome.requests()).isGreaterThan(100);
        assertThat(outcome.errors()).isZero();
        assertThat(inFlight.get()).isZero();
    }

    @Test
    void counts_refused_requests_as_errors_and_goes_on() throws InterruptedException {
        Target refusing = events -> CompletableFuture.failedFuture(new IllegalStateException("503"));

        WarmUp.Outcome outcome = WarmUp.run(() -> REQUEST, refusing, Duration.ofMillis(50));

        assertThat(outcome.errors()).isEqualTo(outcome.requests()).isPositive();
    }
}
