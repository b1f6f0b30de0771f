package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.IcmpTypes;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;

/** The line nf_log_syslog writes for an IPv4 packet (nf_log_ip_packet / dump_ipv4_packet). */
final class NfLogFormat {
    private static final int[] FLAG_BITS = {0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01};
    private static final String[] FLAG_NAMES = {"CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};
    private NfLogFormat() {
    }

    static String format(String prefix, NfPacket p) {
        StringBuilder sb = new StringBuilder(prefix);
        sb.append("IN=").append(p.in == null ? "" : p.in.name()).append(" OUT=").append(p.out == null ? "" : p.out.name())
                .append(' ');
        ByteBuf b = p.buf;
        int off = b.readerIndex();
        if (p.in != null && off >= 14) {
            sb.append("MAC=");
            for (int i = 0; i < 14; i++) {
                sb.append(String.format("%02x", b.getUnsignedByte(off - 14 + i))).append(i == 13 ? ' ' : ':');
            }
        }
        ipv4(sb, b, off, off + p.length, false);
        return sb.toString();
    }

    private static void ipv4(StringBuilder sb, ByteBuf b, int off, int end, boolean inner) {
        if (end - off < 20) {
            sb.append("TRUNCATED");
            return;
        }
        int ihl = (b.getUnsignedByte(off) & 0xF) * 4;
        int tos = b.getUnsignedByte(off + 1);
        int frag = b.getUnsignedShort(off + 6);
        sb.append("SRC=").append(Ipv4Address.format(b.getInt(off + 12))).append(" DST=")
                .append(Ipv4Address.format(b.getInt(off + 16))).append(' ');
        sb.append(String.format("LEN=%d TOS=0x%02X PREC=0x%02X TTL=%d ID=%d ", b.getUnsignedShort(off + 2),
                tos & 0x1E, tos & 0xE0, b.getUnsignedByte(off + 8), b.getUnsignedShort(off + 4)));
        if ((frag & 0x8000) != 0) {
            sb.append("CE ");
        }
        if ((frag & 0x4000) != 0) {
            sb.append("DF ");
        }
        if ((frag & 0x2000) != 0) {
            sb.append("MF ");
        }
        if ((frag & 0x1FFF) != 0) {
            sb.append("FRAG:").append(frag & 0x1FFF).append(' ');
            return;
        }
        int t = off + ihl;
        int avail = end - t;
        int proto = b.getUnsignedByte(off + 9);
        switch (proto) {
            case IpProtocol.TCP -> {
                sb.append("PROTO=TCP ");
                if (avail < 20) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    return;
                }
                sb.append("SPT=").append(b.getUnsignedShort(t)).append(" DPT=").append(b.getUnsignedShort(t + 2)).append(' ');
                sb.append("WINDOW=").append(b.getUnsignedShort(t + 14)).append(' ');
                sb.append(String.format("RES=0x%02x ", (b.getUnsignedByte(t + 12) & 0x0F) << 2));
                int f = b.getUnsignedByte(t + 13);
                for (int i = 0; i < FLAG_BITS.length; i++) {
                    if ((f & FLAG_BITS[i]) != 0) {
                        sb.append(FLAG_NAMES[i]).append(' ');
                    }
                }
                sb.append("URGP=").append(b.getUnsignedShort(t + 18)).append(' ');
            }
            case IpProtocol.UDP -> {
                sb.append("PROTO=UDP ");
                if (avail < 8) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    return;
                }
                sb.append("SPT=").append(b.getUnsignedShort(t)).append(" DPT=").append(b.getUnsignedShort(t + 2))
                        .append(" LEN=").append(b.getUnsignedShort(t + 4)).append(' ');
            }
            case IpProtocol.ICMP -> {
                sb.append("PROTO=ICMP ");
                if (avail < 4) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    return;
                }
                int type = b.getUnsignedByte(t);
                int code = b.getUnsignedByte(t + 1);
                sb.append("TYPE=").append(type).append(" CODE=").append(code).append(' ');
                if (IcmpTypes.hasId(type) && avail >= 8) {
                    sb.append("ID=").append(b.getUnsignedShort(t + 4)).append(" SEQ=").append(b.getUnsignedShort(t + 6)).append(' ');
                } else if (IcmpTypes.isError(type) && type != 5 && type != 12 && !inner && avail >= 8) {
                    sb.append('[');
                    ipv4(sb, b, t + 8, end, true);
                    sb.append("] ");
                    if (type == 3 && code == 4) {
                        sb.append("MTU=").append(b.getUnsignedShort(t + 6)).append(' ');
                    }
                }
            }
            default -> sb.append("PROTO=").append(proto).append(' ');
        }
    }
}
