package dev.dockwire.capture;

import dev.dockwire.wire.ArpPacket;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;

/**
 * One line of text per frame, as {@code tcpdump -n -S} prints it without {@code -e} and without
 * the timestamp:
 * <pre>
 * IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id 1, seq 1, length 64
 * ARP, Request who-has 172.18.0.3 tell 172.18.0.2, length 28
 * ARP, Reply 172.18.0.3 is-at 02:42:ac:12:00:03, length 28
 * IP 172.18.0.2.40000 > 172.18.0.3.53: UDP, length 20
 * IP 172.18.0.2.40000 > 172.18.0.3.80: Flags [S], seq 123, win 64240, options [mss 1460], length 0
 * </pre>
 * Differences from tcpdump: an 802.1Q tag is always shown ({@code vlan 10, p 0, } in front, as
 * tcpdump shows it with {@code -e}); application payloads other than DNS and HTTP (DHCP, VXLAN...)
 * are not decoded; IPv6 and other EtherTypes are named, not decoded. TCP sequence numbers are
 * absolute here (as with {@code -S}); a {@link PacketPrinter} prints them relative, and the other
 * flags ({@code -v -e -A -X}). Reads the frame's readable bytes with absolute accessors and never
 * changes its indices. Never throws on a malformed frame: what is missing is shown as tcpdump's
 * truncation marker {@code [|proto]}.
 */
public final class FrameDecoder {
    private static final int QINQ = 0x88A8;

    private FrameDecoder() {
    }

    /** The line for {@code frame}'s readable bytes. */
    public static String decode(ByteBuf frame) {
        return decode(frame, new StringBuilder(96)).toString();
    }

    /** Appends the line for {@code frame}'s readable bytes to {@code out} and returns it. */
    public static StringBuilder decode(ByteBuf frame, StringBuilder out) {
        return decode(frame, out, PacketPrinter.STATELESS);
    }

    /** As {@link #decode(ByteBuf, StringBuilder)}, with {@code printer}'s flags and flow state. */
    static StringBuilder decode(ByteBuf frame, StringBuilder out, PacketPrinter printer) {
        int start = out.length();
        try {
            unguarded(frame, out, printer);
        } catch (RuntimeException e) {
            // Every decoder is total (bounds checked first, unparsable payloads named); this only keeps a decoder
            // bug from stopping the capture that prints the line.
            out.setLength(start);
            out.append("[|ether] length ").append(frame.readableBytes());
        }
        return out;
    }

    /** The line without the guard: what the fuzz test holds to never throw. */
    static void unguarded(ByteBuf frame, StringBuilder out, PacketPrinter printer) {
        ethernet(out, frame, frame.readerIndex(), frame.writerIndex(), printer);
    }

    private static void ethernet(StringBuilder out, ByteBuf b, int off, int end, PacketPrinter printer) {
        int frameLength = end - off;
        if (frameLength < EthernetFrame.HEADER_LENGTH) {
            out.append("[|ether]");
            return;
        }
        long dst = get48(b, off + EthernetFrame.DST);
        long src = get48(b, off + EthernetFrame.SRC);
        int type = b.getUnsignedShort(off + EthernetFrame.ETHERTYPE);
        int p = off + EthernetFrame.HEADER_LENGTH;
        boolean ether = printer.options().ether();
        if (ether && (type == EtherType.IPV4 || type == EtherType.ARP || type == EtherType.VLAN || type == QINQ)) {
            // print-ether.c with -e: addresses, then each EtherType, the frame's length before the first.
            out.append(MacAddress.format(src)).append(" > ").append(MacAddress.format(dst)).append(", ");
            etherType(out, type).append(", length ").append(frameLength).append(": ");
        }
        while (type == EtherType.VLAN || type == QINQ) {
            if (end - p < 4) {
                out.append("vlan [|vlan]");
                return;
            }
            int tci = b.getUnsignedShort(p);
            out.append("vlan ").append(tci & 0xFFF).append(", p ").append(tci >>> 13);
            if ((tci & 0x1000) != 0) {
                out.append(", DEI");
            }
            out.append(", ");
            type = b.getUnsignedShort(p + 2);
            p += 4;
            if (ether) {
                etherType(out, type).append(", ");
            }
        }
        if (type == EtherType.IPV4) {
            ipv4(out, b, p, end, printer, false);
        } else if (type == EtherType.ARP) {
            arp(out, b, p, end, printer.options());
        } else {
            out.append(MacAddress.format(src)).append(" > ").append(MacAddress.format(dst)).append(", ");
            if (type < 0x0600) {
                out.append("802.3");
            } else {
                out.append("ethertype ").append(etherTypeName(type)).append(" (0x");
                hex4(out, type);
                out.append(')');
            }
            out.append(", length ").append(frameLength);
        }
    }

    /** ether_type_print: {@code ethertype IPv4 (0x0800)}. */
    private static StringBuilder etherType(StringBuilder out, int type) {
        out.append("ethertype ").append(etherTypeName(type)).append(" (0x");
        hex4(out, type);
        return out.append(')');
    }

    private static String etherTypeName(int type) {
        return switch (type) {
            case EtherType.IPV4 -> "IPv4";
            case EtherType.ARP -> "ARP";
            case EtherType.VLAN -> "802.1Q";
            case QINQ -> "802.1Q-QinQ";
            case EtherType.IPV6 -> "IPv6";
            case 0x88CC -> "LLDP";
            case 0x888E -> "EAPOL";
            case 0x8847 -> "MPLS unicast";
            case 0x8035 -> "Reverse ARP";
            default -> "Unknown";
        };
    }

    /** tcpdump's print-arp.c for Ethernet/IPv4; the length is what follows the Ethernet header. */
    private static void arp(StringBuilder out, ByteBuf b, int p, int end, PrintOptions options) {
        int len = end - p;
        if (!options.ether()) {
            out.append("ARP, "); // with -e the EtherType said so
        }
        if (len < 8) {
            out.append("[|arp]");
            return;
        }
        int htype = b.getUnsignedShort(p + ArpPacket.HTYPE);
        int ptype = b.getUnsignedShort(p + ArpPacket.PTYPE);
        int hlen = b.getUnsignedByte(p + ArpPacket.HLEN);
        int plen = b.getUnsignedByte(p + ArpPacket.PLEN);
        int op = b.getUnsignedShort(p + ArpPacket.OPER);
        if (options.verbose() > 0 && htype == ArpPacket.HTYPE_ETHERNET && ptype == EtherType.IPV4) {
            out.append("Ethernet (len ").append(hlen).append("), IPv4 (len ").append(plen).append("), ");
        }
        if (htype != ArpPacket.HTYPE_ETHERNET || ptype != EtherType.IPV4 || hlen != 6 || plen != 4) {
            out.append("hardware type ").append(htype).append(" (len ").append(hlen).append("), protocol 0x");
            hex4(out, ptype);
            out.append(" (len ").append(plen).append("), op ").append(op).append(", length ").append(len);
            return;
        }
        if (len < ArpPacket.LENGTH) {
            out.append(op == ArpPacket.OP_REQUEST ? "Request " : op == ArpPacket.OP_REPLY ? "Reply " : "")
                    .append("[|arp]");
            return;
        }
        int spa = b.getInt(p + ArpPacket.SPA);
        int tpa = b.getInt(p + ArpPacket.TPA);
        switch (op) {
            case ArpPacket.OP_REQUEST -> {
                out.append("Request who-has ").append(Ipv4Address.format(tpa));
                long tha = get48(b, p + ArpPacket.THA);
                if (tha != 0) {
                    out.append(" (").append(MacAddress.format(tha)).append(')');
                }
                out.append(" tell ").append(Ipv4Address.format(spa));
            }
            case ArpPacket.OP_REPLY -> out.append("Reply ").append(Ipv4Address.format(spa))
                    .append(" is-at ").append(MacAddress.format(get48(b, p + ArpPacket.SHA)));
            default -> out.append("Unknown (").append(op).append(')');
        }
        out.append(", length ").append(len);
    }

    /**
     * tcpdump's print-ip.c: {@code IP SRC > DST: } and the transport; with {@code -v} the header's
     * fields in parentheses first ({@link IpVerbose}), the addresses on the next line.
     */
    static void ipv4(StringBuilder out, ByteBuf b, int p, int end, PacketPrinter printer, boolean quoted) {
        int avail = end - p;
        if (!printer.options().ether()) {
            out.append("IP ");
        }
        if (avail < Ipv4Packet.MIN_HEADER_LENGTH) {
            out.append("[|ip]");
            return;
        }
        int verIhl = b.getUnsignedByte(p + Ipv4Packet.VER_IHL);
        int hlen = (verIhl & 0xF) * 4;
        int total = b.getUnsignedShort(p + Ipv4Packet.TOTAL_LENGTH);
        if ((verIhl >>> 4) != 4) {
            out.append("bad version ").append(verIhl >>> 4);
            return;
        }
        if (hlen < Ipv4Packet.MIN_HEADER_LENGTH) {
            out.append("bad-hlen ").append(hlen);
            return;
        }
        if (total < hlen) {
            out.append("bad-len ").append(total);
            return;
        }
        if (total > avail && !quoted) { // an ICMP error's quote is cut short by design
            out.append("truncated-ip - ").append(total - avail).append(" bytes missing! ");
            total = avail; // decode what is there
        }
        if (hlen > total || hlen > avail) { // a quote may stop inside its header (options)
            out.append("[|ip]");
            return;
        }
        if (printer.options().verbose() > 0) {
            IpVerbose.header(out, b, p, hlen);
        }
        int src = b.getInt(p + Ipv4Packet.SRC);
        int dst = b.getInt(p + Ipv4Packet.DST);
        int proto = b.getUnsignedByte(p + Ipv4Packet.PROTOCOL);
        int fragOff = b.getUnsignedShort(p + Ipv4Packet.FLAGS_FRAG) & Ipv4Packet.FRAG_OFFSET_MASK;
        int q = p + hlen;
        int len = total - hlen;
        if (fragOff != 0) {
            // Not the first fragment: no transport header to show, only the protocol number.
            addresses(out, src, dst).append(": ip-proto-").append(proto);
            return;
        }
        switch (proto) {
            case IpProtocol.ICMP -> {
                addresses(out, src, dst).append(": ");
                L4Decoder.icmp(out, b, q, Math.min(len, end - q), printer);
            }
            case IpProtocol.UDP -> L4Decoder.udp(out, b, q, len, src, dst, printer.options().verbose());
            case IpProtocol.TCP -> L4Decoder.tcp(out, b, q, len, src, dst, printer);
            // tcpdump -n: two spaces, then the protocol number and the payload length.
            default -> addresses(out, src, dst).append(":  ip-proto-").append(proto).append(' ').append(len);
        }
    }

    static StringBuilder addresses(StringBuilder out, int src, int dst) {
        return out.append(Ipv4Address.format(src)).append(" > ").append(Ipv4Address.format(dst));
    }

    static void hex4(StringBuilder out, int v) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((v >>> shift) & 0xF, 16));
        }
    }

    private static long get48(ByteBuf b, int at) {
        return ((long) b.getUnsignedShort(at) << 32) | b.getUnsignedInt(at + 2);
    }
}
