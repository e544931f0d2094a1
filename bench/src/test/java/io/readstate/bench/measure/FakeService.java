package io.readstate.bench.measure;

import com.sun.net.httpserver.HttpServer;
import io.readstate.bench.infra.ReadstateApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** A stand-in for the service's HTTP API on a free loopback port: each request answered by its path, as {@code answer} says. */
final class FakeService implements AutoCloseable {

    /** An answer: its status and JSON body. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final ReadstateApi api;

    FakeService(Function<String, Answer> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Answer reply = answer.apply(exchange.getRequestURI().getPath());
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        api = new ReadstateApi("http://127.0.0.1:" + server.getAddress().getPort(), "token");
    }

    /** A client of it, as the benchmark's own. */
    ReadstateApi api() {
        return api;
    }

    @Override
    public void close() {
        api.close();
        server.stop(0);
    }
}
