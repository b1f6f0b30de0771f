package dev.dockwire.report;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A little-endian pcapng file made by hand (draft-ietf-opsawg-pcapng): a section header, one
 * Ethernet interface with microsecond stamps, and enhanced packet blocks each with its
 * {@code opt_comment} options, as the journey recorder writes them; and the frames to put in it.
 */
final class Pcapng {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Pcapng() {
        block(0x0A0D0D0A, le(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L));
        block(1, le(8).putShort((short) 1).putShort((short) 0).putInt(65535));
    }

    /** An EPB at {@code micros} holding {@code frame} and {@code comments}. */
    Pcapng frame(long micros, byte[] frame, List<String> comments) {
        int pad = frame.length + 3 & ~3;
        int opts = 0;
        for (String c : comments) {
            opts += 4 + (c.getBytes(StandardCharsets.UTF_8).length + 3 & ~3);
        }
        opts += comments.isEmpty() ? 0 : 4;
        ByteBuffer b = le(20 + pad + opts).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros)
                .putInt(frame.length).putInt(frame.length).put(frame);
        b.position(20 + pad);
        for (String c : comments) {
            byte[] t = c.getBytes(StandardCharsets.UTF_8);
            b.putShort((short) 1).putShort((short) t.length).put(t);
            b.position(b.position() + ((t.length + 3 & ~3) - t.length));
        }
        if (!comments.isEmpty()) {
            b.putInt(0); // opt_endofopt
        }
        block(6, b);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void block(int type, ByteBuffer body) {
        int len = 12 + body.capacity();
        ByteBuffer b = le(len).putInt(type).putInt(len).put(body.array()).putInt(len);
        out.writeBytes(b.array());
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    // Frames: Ethernet + IPv4 (no options) + what follows, addresses 10.0.0.A.

    static byte[] arp(int op, int sender, int target) {
        ByteBuffer b = eth(0x0806, 28);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) op)
                .put(mac(sender)).put(ip(sender)).put(new byte[6]).put(ip(target));
        return b.array();
    }

    static byte[] echo(int type, int src, int dst, int id, int seq) {
        ByteBuffer b = ipv4(1, src, dst, 8);
        b.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq);
        return b.array();
    }

    static byte[] tcp(int src, int sport, int dst, int dport, int flags) {
        ByteBuffer b = ipv4(6, src, dst, 20);
        b.putShort((short) sport).putShort((short) dport).putInt(1000).putInt(flags == 0x02 ? 0 : 2000)
                .put((byte) 0x50).put((byte) flags).putShort((short) 64240).putShort((short) 0).putShort((short) 0);
        return b.array();
    }

    static byte[] udp(int src, int sport, int dst, int dport) {
        ByteBuffer b = ipv4(17, src, dst, 8);
        b.putShort((short) sport).putShort((short) dport).putShort((short) 8).putShort((short) 0);
        return b.array();
    }

    /** ICMP port unreachable from {@code from}, quoting {@code quoted}'s IP header and 8 bytes. */
    static byte[] unreachable(int from, int to, byte[] quoted) {
        ByteBuffer b = ipv4(1, from, to, 8 + 28);
        b.put((byte) 3).put((byte) 3).putShort((short) 0).putInt(0).put(quoted, 14, 28);
        return b.array();
    }

    private static ByteBuffer ipv4(int proto, int src, int dst, int payload) {
        ByteBuffer b = eth(0x0800, 20 + payload);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload)).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) proto).putShort((short) 0).put(ip(src)).put(ip(dst));
        return b;
    }

    private static ByteBuffer eth(int type, int payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload);
        b.put(new byte[] {2, 0x42, 10, 0, 0, 99}).put(new byte[] {2, 0x42, 10, 0, 0, 98}).putShort((short) type);
        return b;
    }

    private static byte[] ip(int host) {
        return new byte[] {10, 0, 0, (byte) host};
    }

    private static byte[] mac(int host) {
        return new byte[] {2, 0x42, 10, 0, 0, (byte) host};
    }
}
