package dev.dockwire.capture;

import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * The IPv4 header's fields as {@code tcpdump -v} prints them before the addresses (print-ip.c
 * ip_print): {@code (tos 0x0, ttl 64, id 62503, offset 0, flags [DF], proto ICMP (1), length 84)},
 * a bad header checksum named, then a new line indented by four spaces.
 */
final class IpVerbose {
    private static final int RESERVED = 0x8000;
    private static final int DF = Ipv4Packet.FLAG_DF;
    private static final int MF = Ipv4Packet.FLAG_MF;

    private IpVerbose() {
    }

    static void header(StringBuilder out, ByteBuf b, int p, int hlen) {
        int tos = b.getUnsignedByte(p + Ipv4Packet.TOS);
        out.append("(tos 0x").append(Integer.toHexString(tos));
        switch (tos & 0x03) {
            case 1 -> out.append(",ECT(1)");
            case 2 -> out.append(",ECT(0)");
            case 3 -> out.append(",CE");
            default -> {
            }
        }
        int ttl = b.getUnsignedByte(p + Ipv4Packet.TTL);
        if (ttl >= 1) {
            out.append(", ttl ").append(ttl);
        }
        int off = b.getUnsignedShort(p + Ipv4Packet.FLAGS_FRAG);
        int proto = b.getUnsignedByte(p + Ipv4Packet.PROTOCOL);
        out.append(", id ").append(b.getUnsignedShort(p + Ipv4Packet.IDENT)).append(", offset ")
                .append((off & Ipv4Packet.FRAG_OFFSET_MASK) * 8).append(", flags [");
        // bittok2str over ip_frag_values in its order (+, DF, rsvd), joined by ", ".
        int flags = off & (RESERVED | DF | MF);
        if (flags == 0) {
            out.append("none");
        } else {
            String sep = "";
            if ((flags & MF) != 0) {
                out.append('+');
                sep = ", ";
            }
            if ((flags & DF) != 0) {
                out.append(sep).append("DF");
                sep = ", ";
            }
            if ((flags & RESERVED) != 0) {
                out.append(sep).append("rsvd");
            }
        }
        out.append("], proto ").append(protoName(proto)).append(" (").append(proto).append("), length ")
                .append(b.getUnsignedShort(p + Ipv4Packet.TOTAL_LENGTH));
        int sum = Checksum.compute(b, p, hlen);
        if (sum != 0) {
            int stored = b.getUnsignedShort(p + Ipv4Packet.CHECKSUM);
            out.append(", bad cksum ").append(Integer.toHexString(stored)).append(" (->")
                    .append(Integer.toHexString(shouldBe(stored, sum))).append(")!");
        }
        out.append(")\n    ");
    }

    /** in_cksum_shouldbe (RFC 1624): the checksum the header should carry. */
    static int shouldBe(int stored, int sum) {
        int shouldbe = (~stored & 0xFFFF) + (~sum & 0xFFFF);
        shouldbe = (shouldbe & 0xFFFF) + (shouldbe >>> 16);
        shouldbe = (shouldbe & 0xFFFF) + (shouldbe >>> 16);
        return ~shouldbe & 0xFFFF;
    }

    /** tcpdump's ipproto_values for the protocols a Docker host carries. */
    private static String protoName(int proto) {
        return switch (proto) {
            case IpProtocol.ICMP -> "ICMP";
            case IpProtocol.TCP -> "TCP";
            case IpProtocol.UDP -> "UDP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 132 -> "SCTP";
            default -> "unknown";
        };
    }
}
