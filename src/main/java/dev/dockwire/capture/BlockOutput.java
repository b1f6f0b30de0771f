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
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The little-endian output buffer under both file writers: blocks are assembled in a
 * preallocated chunk, and full chunks go to the channel on the {@link ChunkWriter} thread while
 * the emulation fills the next one (double buffering, as dumpcap keeps file I/O off the
 * capturing path). The bytes and their order are exactly those written; {@link #flush} returns
 * once everything handed over so far is in the channel. Appending a frame copies its bytes with
 * an absolute {@code getBytes} and allocates nothing. Not thread-safe.
 *
 * <p>Why not a memory-mapped file (one copy, no {@code write(2)}): measured in issue 22, the
 * forwarding thread then writes each frame into cold page-cache lines and takes (or waits for)
 * the filesystem's write faults, about 20 ns more CPU per captured frame than filling a hot
 * chunk; the copy {@code write(2)} makes is on the writer thread, off the critical path.
 */
final class BlockOutput {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int CHUNKS = 2;

    final WritableByteChannel channel;
    /** Chunks the writer thread has finished with. */
    final ArrayBlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
    /** The first write error of the writer thread, reported on the caller's next call. */
    volatile IOException error;
    private final Chunk[] held = new Chunk[CHUNKS];
    private Chunk chunk;
    private byte[] buf;
    private int pos;
    private boolean closed;

    /** A buffer and how much of it is filled, owned by one side at a time. */
    static final class Chunk {
        final BlockOutput owner;
        final byte[] bytes;
        final ByteBuffer view;
        int length;

        Chunk(BlockOutput owner, int capacity) {
            this.owner = owner;
            this.bytes = new byte[capacity];
            this.view = ByteBuffer.wrap(bytes);
        }
    }

    BlockOutput(WritableByteChannel channel, int capacity) {
        this.channel = channel;
        for (int i = 1; i < CHUNKS; i++) {
            free.add(new Chunk(this, capacity));
        }
        this.chunk = new Chunk(this, capacity);
        this.buf = chunk.bytes;
    }

    /** Makes room for a block of {@code n} bytes, handing the chunk over first when it would not fit. */
    void reserve(int n) {
        if (closed) {
            throw new IllegalStateException("capture file is closed");
        }
        if (n > buf.length) {
            throw new IllegalArgumentException("block of " + n + " bytes exceeds the " + buf.length + "-byte buffer");
        }
        if (pos + n > buf.length) {
            handOver();
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

    /** Gives the filled chunk to the writer thread and continues in a free one (waits if none is free). */
    private void handOver() {
        checkError();
        if (pos == 0) {
            return;
        }
        chunk.length = pos;
        ChunkWriter.submit(chunk);
        chunk = take();
        buf = chunk.bytes;
        pos = 0;
    }

    /** Writes everything so far to the channel and waits until it is there. */
    void flush() {
        handOver();
        // Every chunk but the current one coming back to the free queue means the writer is done.
        for (int i = 0; i < CHUNKS - 1; i++) {
            held[i] = take();
        }
        for (int i = 0; i < CHUNKS - 1; i++) {
            free.add(held[i]);
            held[i] = null;
        }
        checkError();
    }

    private Chunk take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return free.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkError() {
        IOException e = error;
        if (e != null) {
            throw new UncheckedIOException("cannot write capture file: " + e.getMessage(), e);
        }
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
