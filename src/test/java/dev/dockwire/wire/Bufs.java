package dev.dockwire.wire;

import dev.dockwire.link.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test buffers from hex text. Every buffer made here is a pooled frame (with headroom, like the
 * emulator's) and is released after each test, pass or fail; register with
 * {@code @RegisterExtension final Bufs bufs = new Bufs();}.
 */
final class Bufs implements AfterEachCallback {
    private final List<ByteBuf> owned = new ArrayList<>();

    /** A frame holding {@code hex} (whitespace ignored) as its readable bytes. */
    ByteBuf of(String hex) {
        return of(bytes(hex));
    }

    ByteBuf of(byte[] bytes) {
        ByteBuf buf = track(Frames.allocate(bytes.length));
        buf.writeBytes(bytes);
        return buf;
    }

    /** A frame of {@code length} zero bytes. */
    ByteBuf zeroed(int length) {
        ByteBuf buf = track(Frames.allocate(length));
        buf.writeZero(length);
        return buf;
    }

    /** Takes over a buffer made elsewhere so it is released after the test. */
    ByteBuf track(ByteBuf buf) {
        owned.add(buf);
        return buf;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (ByteBuf buf : owned) {
            if (buf.refCnt() > 0) {
                buf.release(buf.refCnt());
            }
        }
        owned.clear();
    }

    static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replaceAll("\\s+", ""));
    }

    /** Lower-case hex of {@code buf}'s readable bytes. */
    static String hex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    static String hex(ByteBuf buf, int offset, int length) {
        return ByteBufUtil.hexDump(buf, offset, length);
    }

    /** {@code hex} with whitespace removed and lower-cased, to compare with {@link #hex(ByteBuf)}. */
    static String norm(String hex) {
        return hex.replaceAll("\\s+", "").toLowerCase();
    }
}
