package io.readstate.bench.infra;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The load generator's HTTP/1.1 client: a few kept-alive connections, each request
 * written at once on the connection with the fewest answers due (pipelining), each
 * connection's answers read in order by its own thread. It costs the generator a few
 * microseconds of CPU per request where the JDK's {@code HttpClient} cost about a
 * millisecond (its asynchronous stages, and a connection per request in flight), which
 * on a 2-core machine shared with the service was most of what was measured.
 *
 * <p>A connection the service closes fails the requests due on it and is opened again
 * for the next request. Only what the benchmark sends is supported: no redirects, no
 * {@code 100-continue}, bodies by Content-Length or chunked.
 */
public final class PipelinedHttp implements AutoCloseable {

    /** An answer: its status and its body. */
    public record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final Connection[] connections;
    private volatile boolean closed;

    /**
     * @param baseUrl     {@code http://host:port}
     * @param connections how many connections requests are spread over
     */
    public PipelinedHttp(String baseUrl, int connections) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the benchmark's client speaks plain http, not " + baseUrl);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.hostHeader = host + ":" + port;
        this.connections = new Connection[connections];
        for (int i = 0; i < connections; i++) {
            this.connections[i] = new Connection(i);
        }
    }

    /**
     * Sends a request; the answer completes the future (any status), an I/O failure
     * completes it exceptionally.
     *
     * @param headers extra header lines, each {@code "Name: value"}
     */
    public CompletableFuture<Response> send(String method, String path, List<String> headers, String body) {
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128 + path.length());
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (payload != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
        } else if (!method.equals("GET")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        return leastBusy().send(headBytes, payload);
    }

    private Connection leastBusy() {
        Connection best = connections[0];
        for (Connection connection : connections) {
            if (connection.due() < best.due()) {
                best = connection;
            }
        }
        return best;
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection : connections) {
            connection.shut(new IOException("client closed"));
        }
    }

    /** One kept-alive connection: writes under its lock, answers read in order by its reader thread. */
    private final class Connection {

        private final int index;
        private final ArrayDeque<CompletableFuture<Response>> due = new ArrayDeque<>();
        private Socket socket;
        private OutputStream out;

        Connection(int index) {
            this.index = index;
        }

        synchronized int due() {
            return due.size();
        }

        synchronized CompletableFuture<Response> send(byte[] head, byte[] payload) {
            CompletableFuture<Response> answer = new CompletableFuture<>();
            if (closed) {
                answer.completeExceptionally(new IOException("client closed"));
                return answer;
            }
            due.addLast(answer);
            try {
                if (socket == null) {
                    open();
                }
                out.write(head);
                if (payload != null) {
                    out.write(payload);
                }
                out.flush();
            } catch (IOException e) {
                shut(e);
            }
            return answer;
        }

        private void open() throws IOException {
            Socket opened = new Socket();
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(host, port), 5_000);
            socket = opened;
            out = new BufferedOutputStream(opened.getOutputStream(), 64 * 1024);
            InputStream in = new BufferedInputStream(opened.getInputStream(), 64 * 1024);
            Thread reader = new Thread(() -> readAnswers(opened, in), "bench-http-" + index);
            reader.setDaemon(true);
            reader.start();
        }

        private void readAnswers(Socket from, InputStream in) {
            try {
                while (true) {
                    Response response = readResponse(in);
                    if (response == null) {
                        throw new IOException("the service closed the connection");
                    }
                    CompletableFuture<Response> answer;
                    synchronized (this) {
                        answer = due.pollFirst();
                    }
                    if (answer == null) {
                        throw new IOException("an answer to no request");
                    }
                    answer.complete(response);
                }
            } catch (IOException e) {
                synchronized (this) {
                    if (socket == from) {
                        shut(e);
                    }
                }
            }
        }

        /** Closes the connection and fails every request due on it; the next request opens a new one. */
        synchronized void shut(IOException cause) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
            List<CompletableFuture<Response>> failed = new ArrayList<>(due);
            due.clear();
            failed.forEach(answer -> answer.completeExceptionally(cause));
        }
    }

    /** One response from the stream, or null at its end before a response began. */
    static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            return null;
        }
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line == null) {
                throw new IOException("the connection ended in the headers");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 256);
        if (chunked) {
            for (int size = Integer.parseInt(chunkSize(in), 16); size > 0; size = Integer.parseInt(chunkSize(in), 16)) {
                copy(in, body, size);
                readLine(in);
            }
            for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                // trailers are not used
            }
        } else if (length > 0) {
            copy(in, body, length);
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String chunkSize(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            throw new IOException("the connection ended in a chunked body");
        }
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).trim();
    }

    private static void copy(InputStream in, ByteArrayOutputStream to, long count) throws IOException {
        byte[] buffer = new byte[(int) Math.min(count, 16 * 1024)];
        for (long left = count; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the connection ended in a body");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A CRLF-ended line without its end, or null at the end of the stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw new IOException("the connection ended in a line");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }
}
