package io.readstate.adapters.redis;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * The codec of the script calls: replies decoded as {@link StringCodec} decodes them; each
 * argument sent as its UTF-8 bytes in a heap buffer of its own. {@code StringCodec} takes a
 * buffer from Netty's pool for every argument and the encoder another for every key, where a
 * call through {@code /v1/events} carried about 1,700 of them (before a call on several
 * channels named each by one key): taking and returning pooled buffers was 18% of the
 * service's CPU samples at 30,000 events/s (JFR). Keys go as bytes too
 * ({@link #keys}): Redisson writes a {@code byte[]} key as it is, a {@code String} key through
 * a pooled buffer.
 */
final class ScriptCodec extends BaseCodec {

    static final ScriptCodec INSTANCE = new ScriptCodec();

    private static final Encoder ENCODER = in -> Unpooled.wrappedBuffer(bytes(in));

    private ScriptCodec() {
    }

    /** The keys of a call, as the bytes Redis gets. */
    static List<Object> keys(List<Object> keys) {
        return keys.stream().<Object>map(ScriptCodec::bytes).toList();
    }

    private static byte[] bytes(Object value) {
        return value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return StringCodec.INSTANCE.getValueDecoder();
    }

    @Override
    public Encoder getValueEncoder() {
        return ENCODER;
    }
}
