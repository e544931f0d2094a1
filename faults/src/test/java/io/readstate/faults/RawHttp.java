package io.readstate.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a socket of its own, for requests a regular client would not send as they
 * are (a raw path, any header, a 2 MiB body the server refuses before reading it) and
 * whose answers it would alter (a client that handles a 401 itself drops its body). The
 * request is written on another thread while the answer is read, so an early answer is
 * read even when the server stops reading the body.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** An answer: status, body, and the time from connecting to the end of the body. */
    record Reply(int status, String body, Duration took) {
    }

    static Reply exchange(int port, String method, String target, String authorization, byte[] body, Duration timeout)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            byte[] request = request(port, method, target, authorization, body);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException refusedBeforeTheEnd) {
                    // the server answered (and closed) before reading everything: read its answer
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
            }
            byte[] content = content(in, headers, method);
            return new Reply(Integer.parseInt(parts[1]), new String(content, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static byte[] request(int port, String method, String target, String authorization, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n")
                .append("Content-Type: application/json\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    private static byte[] content(InputStream in, Map<String, String> headers, String method) throws IOException {
        if (method.equals("HEAD")) {
            return new byte[0];
        }
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    return content.toByteArray();
                }
                content.writeBytes(in.readNBytes(size));
                line(in);
            }
        }
        return in.readAllBytes();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (line.length() == 0) {
                    throw new IOException("the connection closed without an answer");
                }
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
