package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A capture file written through memory-mapped windows: blocks are assembled in place in the
 * file's page cache (one copy of each frame, no {@code write(2)}), as a ring-less
 * {@code PACKET_MMAP} consumer would. Window <i>k</i> maps {@code length + margin} bytes from its
 * start (FileChannel.map grows the file as it maps, with {@code fallocate}, so a full disk is an
 * error there and not a SIGBUS later); a block starts before {@code length} and, being at most
 * {@code margin} long, ends inside the mapping. Window <i>k+1</i> starts where <i>k</i>'s length
 * ends, twice as long up to {@link #MAX_WINDOW} (small captures stay small); the {@link WindowMapper}
 * thread maps it and writes a zero into each of its pages past <i>k</i>'s mapping while the
 * emulation fills <i>k</i>, so the forwarding thread takes no page faults.
 *
 * <p>The file is longer than what was written while windows are mapped (its tail reads as
 * zeros), so {@link #flush} cuts it to the written length, and the next block grows it again;
 * {@link #close} cuts it for good, on errors too. Not thread-safe.
 */
final class MappedOutput extends BlockOutput {
    /** The first window's length: a capture of a few frames takes no more. */
    static final int FIRST_WINDOW = 256 << 10;
    /** The longest window: 16 MiB, about 150,000 small frames between two hand-overs. */
    static final int MAX_WINDOW = 16 << 20;
    private static final int PAGE = 4096;
    /** The mapper's answer when it failed: its error is in {@link #error}. */
    private static final ByteBuffer FAILED = ByteBuffer.allocate(0);
    /** sun.misc.Unsafe.invokeCleaner: unmaps a window now rather than when the collector finds it; null when absent. */
    private static final MethodHandle UNMAP = unmapper();

    private final Path path;
    private final FileChannel channel;
    /** At least the largest block, in whole pages. */
    final int margin;
    /** The mapper's result: the next window, or {@link #FAILED}. */
    final ArrayBlockingQueue<ByteBuffer> ready = new ArrayBlockingQueue<>(1);
    /** The mapper's first error, reported on the caller's next window, flush or close. */
    volatile Throwable error;
    /** The window the mapper is asked for (set before it is handed the job, which publishes them). */
    long nextStart;
    int nextLength;

    private MappedByteBuffer window;
    private long start;
    private int length;
    private int off;
    /** {@code length} while the file is grown and open; below any offset otherwise, so that {@link #reserve} takes its slow path. */
    private int switchAt;
    /** A window asked of the mapper and not taken yet. */
    private boolean pending;
    /** The next window taken back by a flush, dropped when the file grows again. */
    private ByteBuffer held;
    private boolean shrunk;
    private boolean closed;

    private MappedOutput(Path path, FileChannel channel, int maxBlock) throws IOException {
        this.path = path;
        this.channel = channel;
        this.margin = (maxBlock + PAGE - 1) & -PAGE;
        this.length = FIRST_WINDOW;
        this.window = map(0, FIRST_WINDOW);
        this.switchAt = length;
        requestNext();
    }

    /** Creates or truncates {@code path} and maps its first window. */
    static MappedOutput open(Path path, int maxBlock) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open capture file " + path + ": " + e.getMessage(), e);
        }
        try {
            return new MappedOutput(path, ch, maxBlock);
        } catch (IOException | RuntimeException e) {
            try {
                ch.truncate(0);
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot map capture file " + path + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    MappedByteBuffer map(long at, int len) throws IOException {
        MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_WRITE, at, (long) len + margin);
        m.order(ByteOrder.LITTLE_ENDIAN);
        return m;
    }

    /** On the mapper's thread: maps the next window and faults in its pages past the current mapping. */
    void prepareNext() {
        try {
            MappedByteBuffer m = map(nextStart, nextLength);
            for (int i = margin; i < nextLength + margin; i += PAGE) {
                m.put(i, (byte) 0); // never written yet: the current window's mapping ends at margin
            }
            ready.add(m);
        } catch (Throwable e) { // IOException from map; InternalError when touching a page faults (SIGBUS)
            error = e;
            ready.add(FAILED);
        }
    }

    @Override
    void reserve(int n) {
        if (off >= switchAt || n > margin) {
            slowReserve(n);
        }
    }

    private void slowReserve(int n) {
        if (closed) {
            throw new IllegalStateException("capture file is closed");
        }
        if (n > margin) {
            throw new IllegalArgumentException("block of " + n + " bytes exceeds the " + margin + "-byte margin");
        }
        if (shrunk) {
            grow();
        }
        if (off >= length) {
            nextWindow();
        }
    }

    @Override
    void putShort(int v) {
        window.putShort(off, (short) v);
        off += 2;
    }

    @Override
    void putInt(int v) {
        window.putInt(off, v);
        off += 4;
    }

    @Override
    void putLong(long v) {
        window.putLong(off, v);
        off += 8;
    }

    @Override
    void putBytes(ByteBuf frame, int index, int len) {
        if (frame.hasArray()) {
            window.put(off, frame.array(), frame.arrayOffset() + index, len);
        } else {
            window.limit(off + len).position(off);
            frame.getBytes(index, window);
            window.clear();
        }
        off += len;
    }

    @Override
    void putBytes(byte[] bytes) {
        window.put(off, bytes);
        off += bytes.length;
    }

    @Override
    void pad(int len) {
        int n = padding(len);
        for (int i = 0; i < n; i++) {
            window.put(off++, (byte) 0);
        }
    }

    /** Continues in the window the mapper prepared and asks it for the one after. */
    private void nextWindow() {
        ByteBuffer next = await();
        unmap(window);
        off -= length;
        start += length;
        length = nextLength;
        window = (MappedByteBuffer) next;
        switchAt = length;
        requestNext();
    }

    private void requestNext() {
        nextStart = start + length;
        nextLength = Math.min(MAX_WINDOW, length * 2);
        pending = true;
        WindowMapper.submit(this);
    }

    /** The window the mapper was asked for, once it is ready; throws its error. */
    private ByteBuffer await() {
        pending = false;
        ByteBuffer next = take();
        if (next == FAILED) {
            Throwable e = error;
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e,
                    e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e));
        }
        return next;
    }

    private ByteBuffer take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return ready.take();
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

    /** Cuts the file to what was written, so a reader sees whole blocks and no zeros after them. */
    @Override
    void flush() {
        if (closed || shrunk) {
            return;
        }
        if (pending) {
            held = await(); // the mapper grows the file: it must be done before the cut
        }
        truncate();
        shrunk = true;
        switchAt = Integer.MIN_VALUE;
    }

    /**
     * After a flush: grows the file back to the end of this window's mapping (mapping its last byte
     * allocates it as the windows are), and asks the mapper again for the next window, whose pages
     * went with the cut.
     */
    private void grow() {
        try {
            unmap(channel.map(FileChannel.MapMode.READ_WRITE, start + length + margin - 1, 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e.getMessage(), e);
        }
        unmap(held);
        held = null;
        shrunk = false;
        switchAt = length;
        requestNext();
    }

    private void truncate() {
        try {
            channel.truncate(start + off);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Cuts the file to what was written and closes it, whatever failed before; a second call does nothing. */
    @Override
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        switchAt = Integer.MIN_VALUE;
        try {
            if (pending) {
                pending = false;
                held = take(); // the mapper's error, if any, is reported below
            }
            truncate();
        } finally {
            unmap(window);
            unmap(held);
            window = null;
            held = null;
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close capture file " + path + ": " + e.getMessage(), e);
            }
        }
        Throwable e = error;
        if (e != null) {
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e,
                    e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e));
        }
    }

    private static void unmap(ByteBuffer b) {
        if (b != null && b != FAILED && UNMAP != null) {
            try {
                UNMAP.invokeExact(b);
            } catch (Throwable e) {
                // left to the collector
            }
        }
    }

    private static MethodHandle unmapper() {
        try {
            Class<?> unsafe = Class.forName("sun.misc.Unsafe");
            Field f = unsafe.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return MethodHandles.lookup()
                    .findVirtual(unsafe, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
