package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import sun.misc.Unsafe;

/**
 * An experiment of issue 22 (session 17): pcapng written by the forwarding thread straight into
 * memory-mapped windows of the file, byte-identical to {@link PcapngWriter}'s, with no chunk, no
 * queue and no {@code write(2)} copy. Window <i>k</i> maps {@link #WINDOW} + margin bytes (the
 * margin at least the largest block, so a block that starts in the window ends in its mapping);
 * a toucher thread of its own maps window <i>k+1</i> ({@code FileChannel.map} grows the file with
 * {@code fallocate}, so a full disk is an error there, not a SIGBUS on a store) and writes
 * into each of its pages (an atomic add of 0, safe beside the writer's stores), so the forwarding
 * thread takes no page faults, and unmaps window <i>k-1</i>; it touches the first window too, behind
 * the writer. The file is longer than what was written while a window
 * is mapped, so {@link #flush} cuts it to the blocks written (a reader at a flush point sees what
 * it saw before) and the next block grows it again; {@link #close} cuts it for good.
 *
 * <p>Section, interface and commented blocks are rare: they are made by a {@link PcapngWriter}
 * into memory and copied in. The EPB without a comment is {@link PcapngWriter#write}'s stores,
 * through the window's address. Little-endian hosts only. Not thread-safe.
 */
public final class MappedPcapngWriter implements CaptureFile {
    /** Bytes of one window: 16 MiB, about 160,000 small frames between two switches. */
    static final int WINDOW = 16 << 20;
    private static final int PAGE = 4096;
    private static final int EPB_FIXED = 32;
    private static final int EPB_FLAGS_OPTION = 12;
    private static final Unsafe UNSAFE = unsafe();
    private static final long BYTES = UNSAFE.arrayBaseOffset(byte[].class);
    private static final Object STOP = new Object();

    private final Path path;
    private final FileChannel channel;
    private final long epochNanos;
    private final int snaplen;
    private final int margin;
    /** Rare blocks, made in memory: the SHB, IDBs, commented EPBs. */
    private final ByteArrayOutputStream scratchBytes = new ByteArrayOutputStream();
    private final PcapngWriter scratch;
    /** To the toucher: a window to unmap and the next one to map; from it: the next window or its error. */
    private final ArrayBlockingQueue<Object> jobs = new ArrayBlockingQueue<>(4);
    private final ArrayBlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
    private final Thread toucher;

    private MappedByteBuffer window;
    private long address;
    /** The window's offset in the file, and the next block's offset in the window. */
    private long start;
    private int pos;
    /** {@link #WINDOW} while the file is grown past this window's mapping; -1 after a flush cut it. */
    private int limit;
    private boolean pending;
    private boolean closed;
    private int interfaces;
    private long frames;

    public MappedPcapngWriter(Path path, long epochNanos, int snaplen) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("mapped pcapng writes little-endian words through the host's order");
        }
        this.path = path;
        this.epochNanos = epochNanos;
        this.snaplen = snaplen;
        this.margin = (BlockOutput.padded(snaplen) + EPB_FIXED + EPB_FLAGS_OPTION + 4 + PcapngWriter.MAX_COMMENT + PAGE - 1) & -PAGE;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            window = map(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open capture file " + path + ": " + e.getMessage(), e);
        }
        address = address(window);
        limit = WINDOW;
        toucher = new Thread(this::touchAhead, "dockwire-capture-toucher");
        toucher.setDaemon(true);
        toucher.start();
        jobs.add(new long[] {address});
        requestNext();
        scratch = new PcapngWriter(scratchBytes, epochNanos, snaplen);
        copyScratch();
    }

    public static MappedPcapngWriter create(Path path) {
        return new MappedPcapngWriter(path, DEFAULT_EPOCH_NANOS, DEFAULT_SNAPLEN);
    }

    private MappedByteBuffer map(long at) throws IOException {
        return channel.map(FileChannel.MapMode.READ_WRITE, at, (long) WINDOW + margin);
    }

    private static long address(ByteBuffer b) {
        return io.netty.util.internal.PlatformDependent.directBufferAddress(b);
    }

    /** The toucher's loop: unmap the window left, map the next, fault in its pages past the current mapping. */
    private void touchAhead() {
        while (true) {
            Object job;
            try {
                job = jobs.take();
            } catch (InterruptedException e) {
                continue;
            }
            if (job == STOP) {
                return;
            }
            if (job instanceof MappedByteBuffer old) {
                UNSAFE.invokeCleaner(old);
                continue;
            }
            if (job instanceof long[] first) {
                touch(first[0], PAGE, WINDOW + margin); // the first window, from its second page: the writer is in the first
                continue;
            }
            long at = (Long) job;
            try {
                MappedByteBuffer m = map(at);
                touch(address(m), 0, WINDOW + margin);
                ready.add(m);
            } catch (Throwable e) { // IOException from map (ENOSPC from fallocate), InternalError from a fault
                ready.add(e);
            }
        }
    }

    /**
     * Faults in every page of {@code [from, to)} for writing: an atomic add of 0 to its first word,
     * which changes nothing, so pages the writer may be filling at the same moment (the margin
     * shared with the window before, the first window) are touched safely.
     */
    private static void touch(long address, long from, long to) {
        for (long i = from; i < to; i += PAGE) {
            UNSAFE.getAndAddInt(null, address + i, 0);
        }
    }

    private void requestNext() {
        jobs.add(start + WINDOW);
        pending = true;
    }

    private MappedByteBuffer awaitNext() {
        pending = false;
        Object o;
        boolean interrupted = false;
        while (true) {
            try {
                o = ready.take();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (o instanceof Throwable e) {
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e,
                    e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e));
        }
        return (MappedByteBuffer) o;
    }

    /** Past the window, or after a flush cut the file: switches windows or grows the file back. */
    private void slow() {
        if (closed) {
            throw new IllegalStateException("capture file is closed");
        }
        if (limit < 0) {
            grow();
        }
        if (pos >= WINDOW) {
            MappedByteBuffer next = awaitNext();
            jobs.add(window);
            window = next;
            address = address(next);
            start += WINDOW;
            pos -= WINDOW;
            requestNext();
        }
    }

    /** After a flush: the file grown back over this window's mapping, and the next window asked again. */
    private void grow() {
        try {
            UNSAFE.invokeCleaner(channel.map(FileChannel.MapMode.READ_WRITE, start + WINDOW + margin - 1, 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e.getMessage(), e);
        }
        limit = WINDOW;
        requestNext();
    }

    /** A block made by the scratch writer, copied in at the next position. */
    private void copyScratch() {
        scratch.flush();
        byte[] b = scratchBytes.toByteArray();
        scratchBytes.reset();
        if (pos >= limit) {
            slow();
        }
        UNSAFE.copyMemory(b, BYTES, null, address + pos, b.length);
        pos += b.length;
    }

    @Override
    public int addInterface(String name, String description) {
        scratch.addInterface(name, description);
        copyScratch();
        return interfaces++;
    }

    @Override
    public int interfaceCount() {
        return interfaces;
    }

    /** {@link PcapngWriter#write}'s EPB, stored through the window's address. */
    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        if (iface < 0 || iface >= interfaces) {
            throw new IllegalArgumentException("no interface " + iface + " in this capture (" + interfaces + " declared)");
        }
        int orig = frame.readableBytes();
        int cap = Math.min(orig, snaplen);
        int data = BlockOutput.padded(cap);
        boolean flags = direction != Direction.UNKNOWN;
        int len = EPB_FIXED + data + (flags ? EPB_FLAGS_OPTION : 0);
        long ts = epochNanos + nanos;
        if (pos >= limit) {
            slow();
        }
        long p = address + pos;
        pos += len;
        UNSAFE.putLong(p, PcapngWriter.EPB_TYPE | (long) len << 32);
        UNSAFE.putLong(p + 8, iface | ts >>> 32 << 32);
        UNSAFE.putLong(p + 16, ts & 0xFFFF_FFFFL | (long) cap << 32);
        UNSAFE.putInt(p + 24, orig);
        if (data != cap) {
            UNSAFE.putInt(p + 24 + data, 0);
        }
        int index = frame.readerIndex();
        if (frame.hasArray()) {
            UNSAFE.copyMemory(frame.array(), BYTES + frame.arrayOffset() + index, null, p + 28, cap);
        } else if (frame.hasMemoryAddress()) {
            UNSAFE.copyMemory(frame.memoryAddress() + index, p + 28, cap);
        } else {
            int at = (int) (p + 28 - address);
            frame.getBytes(index, window.duplicate().position(at).limit(at + cap));
        }
        long q = p + 28 + data;
        if (flags) {
            UNSAFE.putLong(q, PcapngWriter.OPT_EPB_FLAGS | 4 << 16 | (long) direction.ordinal() << 32);
            UNSAFE.putLong(q + 8, (long) len << 32);
        } else {
            UNSAFE.putInt(q, len);
        }
        frames++;
    }

    @Override
    public boolean journeyComments() {
        return true;
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction, String comment) {
        if (comment == null || comment.isEmpty()) {
            write(iface, nanos, frame, direction);
            return;
        }
        scratch.write(iface, nanos, frame, direction, comment);
        copyScratch();
        frames++;
    }

    @Override
    public long frameCount() {
        return frames;
    }

    /** Bytes written so far: the file's length at the next flush. */
    public long position() {
        return start + pos;
    }

    /** Cuts the file to the blocks written, so that a reader sees whole blocks and no zeros after them. */
    @Override
    public void flush() {
        if (closed || limit < 0) {
            return;
        }
        if (pending) {
            jobs.add(awaitNext()); // the toucher grows the file: it must be done before the cut
        }
        truncate();
        limit = -1;
    }

    private void truncate() {
        try {
            channel.truncate(start + pos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Cuts the file to its blocks and closes it, whatever failed before; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pending) {
                pending = false;
                Object o = null;
                while (o == null) {
                    try {
                        o = ready.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (o instanceof MappedByteBuffer m) {
                    UNSAFE.invokeCleaner(m);
                }
            }
            truncate();
        } finally {
            jobs.add(STOP);
            UNSAFE.invokeCleaner(window);
            window = null;
            limit = -1;
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close capture file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
