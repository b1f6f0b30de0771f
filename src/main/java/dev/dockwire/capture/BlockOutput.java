package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The little-endian output buffer under both file writers: one preallocated array that blocks
 * are assembled in and that goes to the channel in large chunks. Appending a frame copies its
 * bytes with an absolute {@code getBytes} and allocates nothing. Not thread-safe.
 */
final class BlockOutput {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final WritableByteChannel channel;
    private final byte[] buf;
    private final ByteBuffer view;
    private int pos;
    private boolean closed;

    BlockOutput(WritableByteChannel channel, int capacity) {
        this.channel = channel;
        this.buf = new byte[capacity];
        this.view = ByteBuffer.wrap(buf);
    }

    /** Makes room for a block of {@code n} bytes, flushing first when it would not fit. */
    void reserve(int n) {
        if (closed) {
            throw new IllegalStateException("capture file is closed");
        }
        if (n > buf.length) {
            throw new IllegalArgumentException("block of " + n + " bytes exceeds the " + buf.length + "-byte buffer");
        }
        if (pos + n > buf.length) {
            flush();
        }
    }

    void putShort(int v) {
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    void putInt(int v) {
        INT.set(buf, pos, v);
        pos += 4;
    }

    void putLong(long v) {
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** Copies {@code len} bytes of {@code frame} from {@code index}; the frame's indices stay put. */
    void putBytes(ByteBuf frame, int index, int len) {
        frame.getBytes(index, buf, pos, len);
        pos += len;
    }

    void putBytes(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Zero bytes up to the next multiple of 4 after {@code len} written bytes (pcapng padding). */
    void pad(int len) {
        int n = padding(len);
        for (int i = 0; i < n; i++) {
            buf[pos++] = 0;
        }
    }

    static int padding(int len) {
        return -len & 3;
    }

    static int padded(int len) {
        return (len + 3) & ~3;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void flush() {
        if (pos == 0) {
            return;
        }
        view.clear().limit(pos);
        try {
            while (view.hasRemaining()) {
                channel.write(view);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture file: " + e.getMessage(), e);
        }
        pos = 0;
    }

    /** Opens {@code path} for writing, creating or truncating it. */
    static FileChannel openFile(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open capture file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and closes the channel; a second call does nothing. */
    void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close capture file: " + e.getMessage(), e);
            }
        }
    }
}
