package dev.dockwire.capture;

import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;

/**
 * The transport part of {@link FrameDecoder}'s line: tcpdump's print-icmp.c, print-udp.c and
 * print-tcp.c in their default (non-verbose, {@code -n -S}) form. {@code len} is the IP payload
 * length; every read is checked against it.
 */
final class L4Decoder {
    // RFC 9293 header: ports 0/2, seq 4, ack 8, data offset 12, flags 13, window 14, checksum 16, urgent 18.
    private static final int TCP_SEQ = 4;
    private static final int TCP_ACK = 8;
    private static final int TCP_OFFSET = 12;
    private static final int TCP_FLAGS = 13;
    private static final int TCP_WINDOW = 14;
    private static final int TCP_CHECKSUM = 16;
    private static final int TCP_URGENT = 18;
    private static final int TCP_MIN_HEADER = 20;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int URG = 0x20;
    private static final int ECE = 0x40;
    private static final int CWR = 0x80;
    /** tcpdump's tcp_flag_values order and letters. */
    private static final int[] FLAG_BITS = {FIN, SYN, RST, PSH, ACK, URG, ECE, CWR};
    private static final char[] FLAG_CHARS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};

    private L4Decoder() {
    }

    /** print-icmp.c; with {@code -v} an error's quoted packet follows on its own line (ICMP_ERRTYPE). */
    static void icmp(StringBuilder out, ByteBuf b, int p, int len, PacketPrinter printer) {
        out.append("ICMP ");
        if (len < IcmpPacket.HEADER_LENGTH) {
            out.append("[|icmp]");
            return;
        }
        int type = b.getUnsignedByte(p + IcmpPacket.TYPE);
        int code = b.getUnsignedByte(p + IcmpPacket.CODE);
        switch (type) {
            case IcmpPacket.TYPE_ECHO_REQUEST, IcmpPacket.TYPE_ECHO_REPLY -> out
                    .append(type == IcmpPacket.TYPE_ECHO_REQUEST ? "echo request" : "echo reply")
                    .append(", id ").append(b.getUnsignedShort(p + IcmpPacket.IDENT))
                    .append(", seq ").append(b.getUnsignedShort(p + IcmpPacket.SEQUENCE));
            case IcmpPacket.TYPE_DEST_UNREACHABLE -> {
                if (!unreachable(out, b, p, len, code)) {
                    return;
                }
            }
            case IcmpPacket.TYPE_TIME_EXCEEDED -> out.append(switch (code) {
                case 0 -> "time exceeded in-transit";
                case 1 -> "ip reassembly time exceeded";
                default -> "time exceeded-#" + code;
            });
            case 4 -> out.append("source quench");
            case 5 -> out.append("redirect");
            case 9 -> out.append("router advertisement");
            case 10 -> out.append("router solicitation");
            case 12 -> out.append("parameter problem");
            case 13 -> out.append("time stamp request");
            case 14 -> out.append("time stamp reply");
            default -> out.append("type-#").append(type);
        }
        out.append(", length ").append(len);
        boolean error = type == IcmpPacket.TYPE_DEST_UNREACHABLE || type == 4 || type == 5
                || type == IcmpPacket.TYPE_TIME_EXCEEDED || type == 12;
        if (printer.options().verbose() > 0 && error && len >= IcmpPacket.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH) {
            out.append("\n\t");
            FrameDecoder.ipv4(out, b, p + IcmpPacket.HEADER_LENGTH, p + len, printer, true);
        }
    }

    /** RFC 792 destination unreachable, named after the quoted packet; false when that is cut short. */
    private static boolean unreachable(StringBuilder out, ByteBuf b, int p, int len, int code) {
        int ip = p + IcmpPacket.HEADER_LENGTH;
        int avail = len - IcmpPacket.HEADER_LENGTH;
        if (avail < Ipv4Packet.MIN_HEADER_LENGTH) {
            out.append("[|icmp]");
            return false;
        }
        String dst = Ipv4Address.format(b.getInt(ip + Ipv4Packet.DST));
        int proto = b.getUnsignedByte(ip + Ipv4Packet.PROTOCOL);
        switch (code) {
            case IcmpPacket.CODE_NET_UNREACHABLE -> out.append("net ").append(dst).append(" unreachable");
            case IcmpPacket.CODE_HOST_UNREACHABLE -> out.append("host ").append(dst).append(" unreachable");
            case IcmpPacket.CODE_PROTOCOL_UNREACHABLE -> out.append(dst).append(" protocol ").append(proto)
                    .append(" unreachable");
            case IcmpPacket.CODE_PORT_UNREACHABLE -> {
                int hl = (b.getUnsignedByte(ip) & 0xF) * 4;
                if (avail < hl + 4) {
                    out.append("[|icmp]");
                    return false;
                }
                int port = b.getUnsignedShort(ip + hl + 2);
                out.append(dst);
                if (proto == IpProtocol.UDP || proto == IpProtocol.TCP) {
                    out.append(proto == IpProtocol.UDP ? " udp port " : " tcp port ").append(port);
                } else {
                    out.append(" protocol ").append(proto).append(" port ").append(port);
                }
                out.append(" unreachable");
            }
            case IcmpPacket.CODE_FRAG_NEEDED -> {
                int mtu = b.getUnsignedShort(p + IcmpPacket.NEXT_HOP_MTU);
                out.append(dst).append(" unreachable - need to frag");
                if (mtu != 0) {
                    out.append(" (mtu ").append(mtu).append(')');
                }
            }
            case 5 -> out.append(dst).append(" unreachable - source route failed");
            case 6 -> out.append("net ").append(dst).append(" unreachable - unknown");
            case 7 -> out.append("host ").append(dst).append(" unreachable - unknown");
            case 8 -> out.append(dst).append(" unreachable - source host isolated");
            case 9 -> out.append("net ").append(dst).append(" unreachable - admin prohibited");
            case 10 -> out.append("host ").append(dst).append(" unreachable - admin prohibited");
            case 11 -> out.append("net ").append(dst).append(" unreachable - tos prohibited");
            case 12 -> out.append("host ").append(dst).append(" unreachable - tos prohibited");
            case IcmpPacket.CODE_ADMIN_PROHIBITED -> out.append("host ").append(dst)
                    .append(" unreachable - admin prohibited filter");
            case 14 -> out.append("host ").append(dst).append(" unreachable - host precedence violation");
            case 15 -> out.append("host ").append(dst).append(" unreachable - precedence cutoff");
            default -> out.append(dst).append(" unreachable - #").append(code);
        }
        return true;
    }

    static void udp(StringBuilder out, ByteBuf b, int p, int len, int src, int dst, int verbose) {
        // len is what the IP header claims; a quoted or snapped datagram may hold fewer bytes
        int captured = Math.min(len, b.writerIndex() - p);
        if (captured < 4) {
            FrameDecoder.addresses(out, src, dst).append(": [|udp]");
            return;
        }
        ports(out, b, p, src, dst).append(": ");
        if (captured < UdpPacket.HEADER_LENGTH) {
            out.append("[|udp]");
            return;
        }
        int ulen = b.getUnsignedShort(p + UdpPacket.LENGTH);
        if (ulen < UdpPacket.HEADER_LENGTH) {
            out.append("UDP, bad length ").append(ulen);
        } else if (ulen > len) {
            out.append("UDP, bad length ").append(ulen).append(" > ").append(len);
        } else if (b.getUnsignedShort(p) == DNS_PORT || b.getUnsignedShort(p + 2) == DNS_PORT) {
            udpChecksum(out, b, p, ulen, src, dst, verbose);
            DnsDecoder.message(out, b, p + UdpPacket.HEADER_LENGTH, ulen - UdpPacket.HEADER_LENGTH, verbose);
        } else {
            udpChecksum(out, b, p, ulen, src, dst, verbose);
            out.append("UDP, length ").append(ulen - UdpPacket.HEADER_LENGTH);
        }
    }

    /** print-udp.c with {@code -vv}: the checksum's verdict, when the whole datagram was captured. */
    private static void udpChecksum(StringBuilder out, ByteBuf b, int p, int ulen, int src, int dst, int verbose) {
        if (verbose < 2) {
            return;
        }
        int stored = b.getUnsignedShort(p + UdpPacket.CHECKSUM);
        if (stored == 0) {
            out.append("[no cksum] ");
        } else if (p + ulen <= b.writerIndex()) {
            int sum = ~Checksum.fold(Checksum.sum(b, p, ulen, Checksum.pseudoHeader(src, dst, IpProtocol.UDP, ulen))) & 0xFFFF;
            if (sum != 0) {
                out.append("[bad udp cksum 0x");
                FrameDecoder.hex4(out, stored);
                out.append(" -> 0x");
                FrameDecoder.hex4(out, IpVerbose.shouldBe(stored, sum));
                out.append("!] ");
            } else {
                out.append("[udp sum ok] ");
            }
        }
    }

    private static final int DNS_PORT = 53;

    /** print-tcp.c's tcp_print: flags, checksum ({@code -v}), numbers (relative unless {@code -S}), options, HTTP. */
    static void tcp(StringBuilder out, ByteBuf b, int p, int len, int src, int dst, PacketPrinter printer) {
        int captured = Math.min(len, b.writerIndex() - p);
        if (captured < 4) {
            FrameDecoder.addresses(out, src, dst).append(": [|tcp]");
            return;
        }
        ports(out, b, p, src, dst).append(": ");
        if (captured < TCP_MIN_HEADER) {
            out.append("[|tcp]");
            return;
        }
        int hlen = (b.getUnsignedByte(p + TCP_OFFSET) >>> 4) * 4;
        if (hlen < TCP_MIN_HEADER) {
            out.append("tcp ").append(len - TCP_MIN_HEADER).append(" [bad hdr length ").append(hlen)
                    .append(" - too short, < 20]");
            return;
        }
        if (hlen > len) {
            out.append("tcp ").append(len - TCP_MIN_HEADER).append(" [bad hdr length ").append(hlen)
                    .append(" - too long, > ").append(len).append(']');
            return;
        }
        int flags = b.getUnsignedByte(p + TCP_FLAGS);
        long seq = b.getUnsignedInt(p + TCP_SEQ);
        long ack = b.getUnsignedInt(p + TCP_ACK);
        PrintOptions options = printer.options();
        if (!options.absolute() && (flags & ACK) != 0) {
            long[] rel = printer.seqs().relative(src, b.getUnsignedShort(p), dst, b.getUnsignedShort(p + 2), seq, ack,
                    (flags & SYN) != 0);
            seq = rel[0];
            ack = rel[1];
        }
        int dataLen = len - hlen;
        out.append("Flags [");
        flags(out, flags);
        out.append(']');
        if (options.verbose() > 0) {
            int stored = b.getUnsignedShort(p + TCP_CHECKSUM);
            int sum = ~Checksum.fold(Checksum.sum(b, p, len, Checksum.pseudoHeader(src, dst, IpProtocol.TCP, len))) & 0xFFFF;
            out.append(", cksum 0x");
            FrameDecoder.hex4(out, stored);
            if (sum != 0) {
                out.append(" (incorrect -> 0x");
                FrameDecoder.hex4(out, IpVerbose.shouldBe(stored, sum));
                out.append(')');
            } else {
                out.append(" (correct)");
            }
        }
        if (options.verbose() > 1 || dataLen > 0 || (flags & (SYN | FIN | RST)) != 0) {
            out.append(", seq ").append(seq);
            if (dataLen > 0) {
                out.append(':').append((seq + dataLen) & 0xFFFF_FFFFL);
            }
        }
        if ((flags & ACK) != 0) {
            out.append(", ack ").append(ack);
        }
        out.append(", win ").append(b.getUnsignedShort(p + TCP_WINDOW));
        if ((flags & URG) != 0) {
            out.append(", urg ").append(b.getUnsignedShort(p + TCP_URGENT));
        }
        if (hlen > TCP_MIN_HEADER) {
            out.append(", options [");
            TcpOptions.append(out, b, p + TCP_MIN_HEADER, hlen - TCP_MIN_HEADER);
            out.append(']');
        }
        out.append(", length ").append(dataLen);
        int sport = b.getUnsignedShort(p);
        int dport = b.getUnsignedShort(p + 2);
        if (dataLen > 0 && (flags & RST) == 0 && (isHttp(sport) || isHttp(dport))) {
            out.append(": ");
            HttpText.print(out, b, p + hlen, dataLen, options.verbose());
        }
    }

    /** HTTP_PORT and HTTP_PORT_ALT of tcpdump's tcp.h. */
    private static boolean isHttp(int port) {
        return port == 80 || port == 8080;
    }

    private static void flags(StringBuilder out, int flags) {
        if (flags == 0) {
            out.append("none");
            return;
        }
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                out.append(FLAG_CHARS[i]);
            }
        }
    }

    private static StringBuilder ports(StringBuilder out, ByteBuf b, int p, int src, int dst) {
        return out.append(Ipv4Address.format(src)).append('.').append(b.getUnsignedShort(p))
                .append(" > ").append(Ipv4Address.format(dst)).append('.').append(b.getUnsignedShort(p + 2));
    }
}
