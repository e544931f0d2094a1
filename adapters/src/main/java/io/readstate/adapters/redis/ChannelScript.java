package io.readstate.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The Lua that changes and reads a channel. Each operation is its own file under
 * {@code lua/}; they are joined into one script, loaded once and run by SHA, so that a
 * Redis node has either every operation or none: after a {@code SCRIPT FLUSH} or a
 * failover a whole batch fails with NOSCRIPT and can be sent again as it was.
 */
final class ChannelScript {

    private static final List<String> PARTS = List.of(
            "common", "message", "read", "join", "join_many", "leave", "delete", "queries", "dispatch");

    private final String source;
    private final String sha;
    private final RedissonClient redisson;

    ChannelScript(RedissonClient redisson) {
        this.redisson = redisson;
        this.source = assemble();
        this.sha = load();
    }

    String sha() {
        return sha;
    }

    /** Loads the script on every node (again); the SHA never changes. */
    String load() {
        return redisson.getScript(StringCodec.INSTANCE).scriptLoad(source);
    }

    static boolean isMissingScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    static RScript.Mode mode(String operation) {
        return switch (operation) {
            case "member", "channel", "readers" -> RScript.Mode.READ_ONLY;
            default -> RScript.Mode.READ_WRITE;
        };
    }

    private static String assemble() {
        StringBuilder script = new StringBuilder();
        for (String part : PARTS) {
            String path = "lua/" + part + ".lua";
            try (InputStream in = ChannelScript.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing script part " + path);
                }
                script.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script.toString();
    }
}
