package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes classic libpcap format (pcap-savefile(5)), little-endian, with the nanosecond magic
 * {@code 0xa1b23c4d} that tcpdump and Wireshark read: a 24-byte global header (version 2.4,
 * snaplen, link type 1 = Ethernet) and a 16-byte record header per frame ({@code ts_sec},
 * {@code ts_nsec}, {@code incl_len}, {@code orig_len}). The format has a single, unnamed
 * interface: {@link #addInterface} only hands out indices, and the direction is not recorded.
 */
public final class PcapWriter implements CaptureFile {
    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int LINKTYPE_ETHERNET = 1;
    private static final int RECORD_HEADER = 16;

    private final BlockOutput out;
    private final long epochNanos;
    private final int snaplen;
    private int interfaces;
    private long frames;

    public PcapWriter(WritableByteChannel channel) {
        this(channel, DEFAULT_EPOCH_NANOS, DEFAULT_SNAPLEN);
    }

    public PcapWriter(OutputStream stream, long epochNanos, int snaplen) {
        this(Channels.newChannel(stream), epochNanos, snaplen);
    }

    /** Writes the global header into the buffer (it reaches the channel at the first flush). */
    public PcapWriter(WritableByteChannel channel, long epochNanos, int snaplen) {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive, got " + snaplen);
        }
        this.out = new BlockOutput(Objects.requireNonNull(channel, "channel"),
                Math.max(256 * 1024, snaplen + RECORD_HEADER));
        this.epochNanos = epochNanos;
        this.snaplen = snaplen;
        out.reserve(24);
        out.putInt(MAGIC_NANOS);
        out.putShort(2); // version_major
        out.putShort(4); // version_minor
        out.putInt(0); // thiszone
        out.putInt(0); // sigfigs
        out.putInt(snaplen);
        out.putInt(LINKTYPE_ETHERNET);
    }

    /** Creates (or truncates) {@code path} and writes classic pcap to it with the default epoch and snaplen. */
    public static PcapWriter create(Path path) {
        return new PcapWriter(BlockOutput.openFile(path), DEFAULT_EPOCH_NANOS, DEFAULT_SNAPLEN);
    }

    /** A writer to {@code path} whose virtual time 0 stands for {@code epochNanos} (ns since 1970): a live shell's today. */
    public static PcapWriter create(Path path, long epochNanos) {
        return new PcapWriter(BlockOutput.openFile(path), epochNanos, DEFAULT_SNAPLEN);
    }

    /** Classic pcap has no interface records: the name and description are not stored. */
    @Override
    public int addInterface(String name, String description) {
        Objects.requireNonNull(name, "name");
        return interfaces++;
    }

    @Override
    public int interfaceCount() {
        return interfaces;
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        if (iface < 0 || iface >= interfaces) {
            throw new IllegalArgumentException("no interface " + iface + " in this capture (" + interfaces + " declared)");
        }
        int orig = frame.readableBytes();
        int cap = Math.min(orig, snaplen);
        long ts = epochNanos + nanos;
        int p = out.claim(RECORD_HEADER + cap);
        long a = out.base + p;
        // ts_sec (unsigned 32-bit seconds: good until 2106) and ts_nsec, incl_len and orig_len
        BlockOutput.putLong(a, ts / 1_000_000_000L & 0xFFFF_FFFFL | ts % 1_000_000_000L << 32);
        BlockOutput.putLong(a + 8, cap | (long) orig << 32);
        out.copy(frame, frame.readerIndex(), p + RECORD_HEADER, cap);
        frames++;
    }

    @Override
    public long frameCount() {
        return frames;
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}
