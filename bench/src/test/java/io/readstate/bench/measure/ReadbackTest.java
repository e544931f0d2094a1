package io.readstate.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.readstate.bench.infra.ReadstateApi;
import io.readstate.bench.workload.Population;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After a Redis restart the service may answer 503 for a moment: the readback asks again, and only then. */
class ReadbackTest {

    private FakeService service;

    /** A service that answers {@code failing} times with {@code status}, then with a channel and a member. */
    private ReadstateApi serviceFailingFirst(int failing, int status, AtomicInteger requests) throws IOException {
        service = new FakeService(path -> requests.incrementAndGet() <= failing
                ? new FakeService.Answer(status, "{\"code\":\"unavailable\"}")
                : new FakeService.Answer(200, path.contains("/members/") ? "{\"lastReadSeq\": 0}" : "{\"headSeq\": 0}"));
        return service.api();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void a_service_answering_503_for_a_moment_is_asked_again() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        Readback readback = new Readback(serviceFailingFirst(3, 503, requests), Population.uniform("t", 1, 2, 10, 1));
        assertEquals(0, readback.lost(List.of()));
        assertEquals(3 + 3, requests.get(), "three refused, then the channel and its two members");
    }

    @Test
    void any_other_failure_is_not_asked_again() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        Readback readback = new Readback(serviceFailingFirst(1, 500, requests), Population.uniform("t", 1, 2, 10, 1));
        assertThrows(CompletionException.class, () -> readback.lost(List.of()));
        assertEquals(1, requests.get());
    }
}
