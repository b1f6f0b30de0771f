package dev.dockwire.capture;

import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A capture file that Ethernet frames are written to: pcapng ({@link PcapngWriter}) or classic
 * pcap ({@link PcapWriter}). A frame's timestamp is a fixed epoch given at construction plus the
 * virtual time passed to {@link #write}, so the same run gives a byte-identical file.
 *
 * <p>Methods throw {@link UncheckedIOException} on I/O errors and {@link IllegalStateException}
 * after {@link #close()}. Not thread-safe: use it from the event loop's thread.
 */
public interface CaptureFile extends CaptureSink {
    /** 2025-01-01T00:00:00Z in nanoseconds since the Unix epoch: virtual time 0 in every file. */
    long DEFAULT_EPOCH_NANOS = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    /** tcpdump's default and maximum snapshot length ({@code MAXIMUM_SNAPLEN} = 262144). */
    int DEFAULT_SNAPLEN = 262_144;

    /** Declares an interface (named like the device, e.g. {@code eth0}) and returns its index. */
    default int addInterface(String name) {
        return addInterface(name, null);
    }

    /** As {@link #addInterface(String)} with a free-text description (pcapng {@code if_description}); null for none. */
    @Override
    int addInterface(String name, String description);

    /** Number of interfaces declared so far. */
    int interfaceCount();

    /**
     * Writes the frame's readable bytes (at most the snaplen) seen on interface {@code iface} at
     * virtual time {@code nanos}. Does not change the frame's indices and does not release it.
     */
    default void write(int iface, long nanos, ByteBuf frame) {
        write(iface, nanos, frame, Direction.UNKNOWN);
    }

    /** As {@link #write(int, long, ByteBuf)}, recording the direction where the format can. */
    @Override
    void write(int iface, long nanos, ByteBuf frame, Direction direction);

    /** Frames written so far. */
    long frameCount();

    /** Writes buffered blocks to the underlying channel. */
    @Override
    void flush();

    /** Flushes and closes the underlying channel; idempotent. */
    @Override
    void close();

    /** Opens {@code path} for writing (truncating it): classic pcap when it ends in {@code .pcap}, else pcapng. */
    static CaptureFile open(Path path) {
        return open(path, DEFAULT_EPOCH_NANOS, DEFAULT_SNAPLEN);
    }

    /** As {@link #open(Path)} with an explicit epoch (ns since 1970 at virtual time 0) and snaplen. */
    static CaptureFile open(Path path, long epochNanos, int snaplen) {
        FileChannel ch = BlockOutput.openFile(path);
        String name = String.valueOf(path.getFileName());
        return name.endsWith(".pcap")
                ? new PcapWriter(ch, epochNanos, snaplen)
                : new PcapngWriter(ch, epochNanos, snaplen);
    }

    /**
     * {@code sink} as a capture file: itself when it is one, else a view that counts what passes
     * through it (a kernel capture's taps write any {@link CaptureSink} a caller hands the seam).
     */
    static CaptureFile of(CaptureSink sink) {
        return sink instanceof CaptureFile file ? file : new SinkFile(sink);
    }
}
