package dev.dockwire.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a capture file as {@code tcpdump -r} does: classic pcap (pcap-savefile(5), microsecond or
 * nanosecond magic, either byte order) or pcapng (its section header, interface descriptions
 * with {@code if_tsresol}, enhanced and simple packet blocks; draft-ietf-opsawg-pcapng).
 */
public final class SavefileReader {
    /**
     * One packet: its time in nanoseconds since 1970, its bytes as captured and its pcapng
     * {@code opt_comment} (the journey's summary dockwire writes there; null when it has none).
     */
    public record Packet(long epochNanos, byte[] data, String comment) {
        public Packet(long epochNanos, byte[] data) {
            this(epochNanos, data, null);
        }
    }

    /** What the file holds: its link type (1 = Ethernet), snapshot length and packets. */
    public record Savefile(int linkType, int snaplen, List<Packet> packets) {
    }

    private static final int PCAP_MICROS = 0xA1B2C3D4;
    private static final int PCAP_NANOS = 0xA1B23C4D;
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;

    private SavefileReader() {
    }

    /** Reads {@code path}; an {@link IOException} names what is wrong as libpcap does ("unknown file format"). */
    public static Savefile read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path));
        if (b.remaining() < 24) {
            throw new IOException("truncated dump file; tried to read 4 file header bytes, only got " + b.remaining());
        }
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic == PCAPNG_SHB) {
            return pcapng(b);
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            int m = b.order(order).getInt(0);
            if (m == PCAP_MICROS || m == PCAP_NANOS) {
                return pcap(b.order(order), m == PCAP_NANOS ? 1 : 1000);
            }
        }
        throw new IOException("unknown file format");
    }

    private static Savefile pcap(ByteBuffer b, long nanosPerUnit) {
        int snaplen = b.getInt(16);
        int linkType = b.getInt(20);
        List<Packet> packets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= b.limit()) {
            long secs = b.getInt(at) & 0xffffffffL;
            long frac = b.getInt(at + 4) & 0xffffffffL;
            int len = b.getInt(at + 8);
            if (len < 0 || at + 16 + len > b.limit()) {
                break; // a packet cut short by a capture still being written
            }
            byte[] data = new byte[len];
            b.get(at + 16, data);
            packets.add(new Packet(secs * 1_000_000_000L + frac * nanosPerUnit, data));
            at += 16 + len;
        }
        return new Savefile(linkType, snaplen, packets);
    }

    private static Savefile pcapng(ByteBuffer b) {
        List<Packet> packets = new ArrayList<>();
        List<long[]> interfaces = new ArrayList<>(); // {linkType, snaplen, units per second}
        int at = 0;
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        while (at + 12 <= b.limit()) {
            int type = b.order(ByteOrder.BIG_ENDIAN).getInt(at);
            if (type == PCAPNG_SHB) {
                // each section says its byte order; the blocks after it keep that order
                order = b.getInt(at + 8) == PCAPNG_BYTE_ORDER ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                interfaces.clear();
            }
            b.order(order);
            int len = b.getInt(at + 4);
            type = b.getInt(at);
            if (len < 12 || at + len > b.limit()) {
                break;
            }
            if (type == 1) {
                interfaces.add(new long[] {b.getShort(at + 8) & 0xffff, b.getInt(at + 12), tsresol(b, at + 16, at + len - 4)});
            } else if (type == 6 && !interfaces.isEmpty()) {
                long[] iface = interfaces.get(Math.min(b.getInt(at + 8), interfaces.size() - 1));
                long ts = (b.getInt(at + 12) & 0xffffffffL) << 32 | b.getInt(at + 16) & 0xffffffffL;
                byte[] data = new byte[b.getInt(at + 20)];
                b.get(at + 28, data);
                packets.add(new Packet(ts / iface[2] * 1_000_000_000L + ts % iface[2] * 1_000_000_000L / iface[2], data,
                        comment(b, at + 28 + (data.length + 3 & ~3), at + len - 4)));
            } else if (type == 3 && !interfaces.isEmpty()) {
                byte[] data = new byte[Math.min(b.getInt(at + 8), len - 16)];
                b.get(at + 12, data);
                packets.add(new Packet(0, data));
            }
            at += len;
        }
        long[] first = interfaces.isEmpty() ? new long[] {1, 262144, 1_000_000} : interfaces.get(0);
        return new Savefile((int) first[0], (int) first[1], packets);
    }

    /** A block's {@code opt_comment} (option 1, UTF-8) among its options from {@code at} to {@code end}; null when absent. */
    private static String comment(ByteBuffer b, int at, int end) {
        while (at + 4 <= end) {
            int code = b.getShort(at) & 0xffff;
            int len = b.getShort(at + 2) & 0xffff;
            if (code == 0 || at + 4 + len > end) {
                break;
            }
            if (code == 1) {
                byte[] text = new byte[len];
                b.get(at + 4, text);
                return new String(text, java.nio.charset.StandardCharsets.UTF_8);
            }
            at += 4 + (len + 3 & ~3);
        }
        return null;
    }

    /** An interface's {@code if_tsresol} (option 9) as units per second; microseconds when absent. */
    private static long tsresol(ByteBuffer b, int at, int end) {
        while (at + 4 <= end) {
            int code = b.getShort(at) & 0xffff;
            int len = b.getShort(at + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            if (code == 9 && len >= 1) {
                int v = b.get(at + 4);
                return (v & 0x80) != 0 ? 1L << (v & 0x7f) : (long) Math.pow(10, v);
            }
            at += 4 + (len + 3 & ~3);
        }
        return 1_000_000;
    }
}
