package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes pcapng (draft-ietf-opsawg-pcapng), little-endian: one Section Header Block
 * (section length -1, {@code shb_userappl} "dockwire"), an Interface Description Block per
 * {@link #addInterface} (link type 1 = Ethernet, the snaplen, {@code if_name}, optional
 * {@code if_description}, {@code if_tsresol} = 9 so timestamps are nanoseconds), and an
 * Enhanced Packet Block per frame with a 64-bit timestamp, the data padded to 32 bits and, when
 * the direction is known, {@code epb_flags}, and when the frame has one, its journey summary as
 * {@code opt_comment} (option 1, UTF-8, section 3.5: Wireshark's {@code frame.comment}). IDBs may be added between packets: readers (libpcap,
 * Wireshark) accept an IDB anywhere in the section before its first packet.
 */
public final class PcapngWriter implements CaptureFile {
    static final int SHB_TYPE = 0x0A0D0D0A;
    static final int IDB_TYPE = 0x00000001;
    static final int EPB_TYPE = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int LINKTYPE_ETHERNET = 1;

    static final int OPT_ENDOFOPT = 0;
    static final int OPT_SHB_USERAPPL = 4;
    static final int OPT_IF_NAME = 2;
    static final int OPT_IF_DESCRIPTION = 3;
    static final int OPT_IF_TSRESOL = 9;
    static final int OPT_EPB_FLAGS = 2;
    static final int OPT_COMMENT = 1;
    /** Bytes kept of a comment: an option's length is 16 bits, and a summary is a line, not a log. */
    static final int MAX_COMMENT = 1024;

    /** SHB application name; constant so that runs stay byte-identical. */
    static final String USER_APPL = "dockwire";

    /** EPB fixed part: type, length, interface id, timestamp (2 words), captured and original length, trailer. */
    private static final int EPB_FIXED = 32;
    /** {@code epb_flags} option (8 bytes) plus {@code opt_endofopt} (4 bytes). */
    private static final int EPB_FLAGS_OPTION = 12;

    private final BlockOutput out;
    private final long epochNanos;
    private final int snaplen;
    private int interfaces;
    private long frames;
    /** The last comment written and its bytes: a flow's packets often carry the same summary, the same string. */
    private String lastComment;
    private byte[] lastCommentBytes;

    /** A writer with {@link #DEFAULT_EPOCH_NANOS} and {@link #DEFAULT_SNAPLEN}. */
    public PcapngWriter(WritableByteChannel channel) {
        this(channel, DEFAULT_EPOCH_NANOS, DEFAULT_SNAPLEN);
    }

    public PcapngWriter(OutputStream stream, long epochNanos, int snaplen) {
        this(Channels.newChannel(stream), epochNanos, snaplen);
    }

    /**
     * Writes the Section Header Block into the buffer (it reaches the channel at the first flush).
     *
     * @param epochNanos nanoseconds since 1970 that virtual time 0 stands for
     * @param snaplen    bytes kept of each frame (also the IDB's SnapLen)
     */
    public PcapngWriter(WritableByteChannel channel, long epochNanos, int snaplen) {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive, got " + snaplen);
        }
        this.out = new BlockOutput(Objects.requireNonNull(channel, "channel"),
                Math.max(256 * 1024, BlockOutput.padded(snaplen) + EPB_FIXED + EPB_FLAGS_OPTION + 4 + MAX_COMMENT));
        this.epochNanos = epochNanos;
        this.snaplen = snaplen;
        writeSectionHeader();
    }

    /** Creates (or truncates) {@code path} and writes pcapng to it with the default epoch and snaplen. */
    public static PcapngWriter create(Path path) {
        return new PcapngWriter(BlockOutput.openFile(path), DEFAULT_EPOCH_NANOS, DEFAULT_SNAPLEN);
    }

    /** A writer to {@code path} whose virtual time 0 stands for {@code epochNanos} (ns since 1970): a live shell's today. */
    public static PcapngWriter create(Path path, long epochNanos) {
        return new PcapngWriter(BlockOutput.openFile(path), epochNanos, DEFAULT_SNAPLEN);
    }

    public int snaplen() {
        return snaplen;
    }

    public long epochNanos() {
        return epochNanos;
    }

    private void writeSectionHeader() {
        byte[] appl = BlockOutput.utf8(USER_APPL);
        int len = 28 + 4 + BlockOutput.padded(appl.length) + 4;
        out.reserve(len);
        out.putInt(SHB_TYPE);
        out.putInt(len);
        out.putInt(BYTE_ORDER_MAGIC);
        out.putShort(1); // major version
        out.putShort(0); // minor version
        out.putLong(-1L); // section length: not specified (we stream)
        putOption(OPT_SHB_USERAPPL, appl);
        out.putInt(OPT_ENDOFOPT); // code 0, length 0
        out.putInt(len);
    }

    @Override
    public int addInterface(String name, String description) {
        Objects.requireNonNull(name, "name");
        byte[] n = BlockOutput.utf8(name);
        byte[] d = description == null ? null : BlockOutput.utf8(description);
        int len = 20 + 4 + BlockOutput.padded(n.length)
                + (d == null ? 0 : 4 + BlockOutput.padded(d.length))
                + 8 // if_tsresol: 4-byte option header, 1-byte value, 3 bytes padding
                + 4; // opt_endofopt
        out.reserve(len);
        out.putInt(IDB_TYPE);
        out.putInt(len);
        out.putShort(LINKTYPE_ETHERNET);
        out.putShort(0); // reserved
        out.putInt(snaplen);
        putOption(OPT_IF_NAME, n);
        if (d != null) {
            putOption(OPT_IF_DESCRIPTION, d);
        }
        out.putShort(OPT_IF_TSRESOL);
        out.putShort(1);
        out.putInt(9); // 10^-9 s; the value byte comes first in little-endian, then 3 zero pad bytes
        out.putInt(OPT_ENDOFOPT);
        out.putInt(len);
        return interfaces++;
    }

    @Override
    public int interfaceCount() {
        return interfaces;
    }

    /**
     * An EPB without a comment, the block every captured frame of a run without journeys is: its
     * fixed part is four stores of precomputed words (type and length, interface and the high
     * timestamp, the low timestamp and captured length, original length), then the frame's bytes,
     * then {@code epb_flags} with {@code opt_endofopt} and the trailing length as two more.
     * Measured in issue 22 (session 20, {@code bench.CaptureCompared}, both orders): copying a
     * 60-byte frame eight bytes at a time instead of {@code getBytes}' {@code arraycopy} cost the
     * forwarding thread 3–12% more CPU, and 32-KiB chunks (a ring that stays in cache) 2–7% more.
     * Where capture's cost is (session 21, {@code bench.CaptureCompared} against capture off,
     * alternated in one JVM, {@code nice -20}, load 22-28): the taps alone (a null file) leave
     * 92.0% of off's rate; the taps and this method into a channel that discards each chunk 76.9%;
     * the writer thread also reading every line 80.4%; its {@code write(2)} to /dev/null 79.0%; to a
     * file 76.6%. So the forwarding thread's share is this method's own work, not the writer's
     * copies or the page cache: a loop of this method alone costs 12-16 ns per 60-byte frame
     * ({@code bench.PcapngWriteCost}), the same stores and copy written out by hand 5-8 ns. Copying
     * a heap frame with {@code System.arraycopy} rather than {@code getBytes} (whose index checks
     * the block's own bounds make redundant) took that loop from 12.7-13.8 to 11.2-12.3 ns, and the
     * forwarding thread's CPU per frame with capture on by a factor of 0.926, 0.929 and 0.995
     * (alternated, this build loaded second) and 1.015, 0.987 and 0.985 (loaded first); capture on
     * then kept 79.0-85.3% of off's rate where it had kept 76.6-82.5% (both orders, load 17-28).
     */
    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        if (iface < 0 || iface >= interfaces) {
            throw noInterface(iface);
        }
        int orig = frame.readableBytes();
        int cap = Math.min(orig, snaplen);
        int data = BlockOutput.padded(cap);
        boolean flags = direction != Direction.UNKNOWN;
        int len = EPB_FIXED + data + (flags ? EPB_FLAGS_OPTION : 0);
        long ts = epochNanos + nanos;
        int p = out.claim(len);
        long a = out.base + p;
        BlockOutput.putLong(a, EPB_TYPE | (long) len << 32);
        BlockOutput.putLong(a + 8, iface | ts >>> 32 << 32);
        BlockOutput.putLong(a + 16, ts & 0xFFFF_FFFFL | (long) cap << 32);
        BlockOutput.putInt(a + 24, orig);
        if (data != cap) {
            BlockOutput.putInt(a + 24 + data, 0); // the padding after the data: the copy overwrites the rest
        }
        out.copy(frame, frame.readerIndex(), p + 28, cap);
        long q = a + 28 + data;
        if (flags) {
            // CaptureSink.Direction is in epb_flags order: 0, inbound 1, outbound 2
            BlockOutput.putLong(q, OPT_EPB_FLAGS | 4 << 16 | (long) direction.ordinal() << 32);
            BlockOutput.putLong(q + 8, (long) len << 32); // opt_endofopt (0), then the block's length
        } else {
            BlockOutput.putInt(q, len);
        }
        frames++;
    }

    /** A pcapng file keeps each frame's journey summary: {@link dev.dockwire.kernel.CaptureSink#journeyComments}. */
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
        if (iface < 0 || iface >= interfaces) {
            throw noInterface(iface);
        }
        int orig = frame.readableBytes();
        int cap = Math.min(orig, snaplen);
        boolean flags = direction != Direction.UNKNOWN;
        byte[] text = comment == lastComment ? lastCommentBytes : commentBytes(comment);
        lastComment = comment;
        lastCommentBytes = text;
        int options = (flags ? 8 : 0) + 4 + BlockOutput.padded(text.length);
        int len = EPB_FIXED + BlockOutput.padded(cap) + options + 4;
        long ts = epochNanos + nanos;
        out.reserve(len);
        out.putInt(EPB_TYPE);
        out.putInt(len);
        out.putInt(iface);
        out.putInt((int) (ts >>> 32));
        out.putInt((int) ts);
        out.putInt(cap);
        out.putInt(orig);
        out.putBytes(frame, frame.readerIndex(), cap);
        out.pad(cap);
        putOption(OPT_COMMENT, text);
        if (flags) {
            out.putShort(OPT_EPB_FLAGS);
            out.putShort(4);
            out.putInt(direction.ordinal());
        }
        out.putInt(OPT_ENDOFOPT);
        out.putInt(len);
        frames++;
    }

    private IllegalArgumentException noInterface(int iface) {
        return new IllegalArgumentException("no interface " + iface + " in this capture (" + interfaces + " declared)");
    }

    /** The comment's UTF-8 bytes, cut at {@link #MAX_COMMENT} on a character boundary with "…". */
    static byte[] commentBytes(String comment) {
        byte[] b = BlockOutput.utf8(comment);
        if (b.length <= MAX_COMMENT) {
            return b;
        }
        int end = MAX_COMMENT - 3;
        while ((b[end] & 0xC0) == 0x80) {
            end--; // not inside a multi-byte character
        }
        byte[] cut = java.util.Arrays.copyOf(b, end + 3);
        cut[end] = (byte) 0xE2;
        cut[end + 1] = (byte) 0x80;
        cut[end + 2] = (byte) 0xA6;
        return cut;
    }

    private void putOption(int code, byte[] value) {
        out.putShort(code);
        out.putShort(value.length);
        out.putBytes(value);
        out.pad(value.length);
    }

    /** Output chunks made so far ({@link BlockOutput#chunksMade}). */
    int chunksMade() {
        return out.chunksMade();
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
