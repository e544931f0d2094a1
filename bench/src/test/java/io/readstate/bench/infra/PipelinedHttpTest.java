package io.readstate.bench.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelinedHttpTest {

    @Test
    void readsResponsesByLengthAndChunkedInOrder() throws IOException {
        String stream = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello"
                + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n";
        ByteArrayInputStream in = new ByteArrayInputStream(stream.getBytes(StandardCharsets.US_ASCII));
        assertEquals(new PipelinedHttp.Response(200, "hello"), PipelinedHttp.readResponse(in));
        assertEquals(new PipelinedHttp.Response(404, "abcde"), PipelinedHttp.readResponse(in));
        assertEquals(new PipelinedHttp.Response(204, ""), PipelinedHttp.readResponse(in));
        assertNull(PipelinedHttp.readResponse(in));
    }

    @Test
    void aResponseCutShortIsAnError() {
        ByteArrayInputStream in = new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhel".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> PipelinedHttp.readResponse(in));
    }

    /** Many requests in flight over two connections each get their own answer. */
    @Test
    void pipelinedRequestsGetTheirOwnAnswers() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/7") ? 400 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try (PipelinedHttp client = new PipelinedHttp("http://127.0.0.1:" + server.getAddress().getPort(), 2)) {
            List<CompletableFuture<PipelinedHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                answers.add(i % 2 == 0
                        ? client.send("POST", "/echo/" + i, List.of("Authorization: Bearer t"), "{\"n\":" + i + "}")
                        : client.send("GET", "/echo/" + i, List.of("Authorization: Bearer t"), null));
            }
            for (int i = 0; i < 300; i++) {
                PipelinedHttp.Response response = answers.get(i).get(10, TimeUnit.SECONDS);
                String expected = i % 2 == 0 ? "POST /echo/" + i + " Bearer t {\"n\":" + i + "}"
                        : "GET /echo/" + i + " Bearer t ";
                assertEquals(expected, response.body());
                assertEquals(i == 7 ? 400 : 200, response.status());
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedConnectionFailsTheRequest() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (PipelinedHttp client = new PipelinedHttp("http://127.0.0.1:" + port, 1)) {
            CompletableFuture<PipelinedHttp.Response> answer = client.send("GET", "/", List.of(), null);
            assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
        }
    }
}
