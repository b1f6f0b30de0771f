package dev.dockwire.journey;

import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;

/**
 * What makes a packet the same packet from hop to hop: for IPv4, the fields reassembly keys on
 * (source, destination, protocol, identification: RFC 791 section 3.2), which survive every copy
 * a bridge's flood makes and which NAT's rewrite is followed across ({@link JourneyRecorder}
 * links the rewritten key to the journey); for ARP, operation, sender and target. Read straight
 * from the bytes, whether the buffer starts at the Ethernet header or at the IPv4 header.
 *
 * @param kind   {@link EtherType#IPV4} or {@link EtherType#ARP}
 * @param a      IPv4: protocol and identification ({@code proto << 16 | id}); ARP: the operation
 * @param src    source (sender) address
 * @param dst    destination (target) address
 */
record PacketKey(int kind, int a, int src, int dst) {
    private static final int ETH_HLEN = 14;
    /**
     * The bytes {@link #describe} and {@link #l3} read at most: an Ethernet header, an IPv4 header
     * with all its options (60) and a TCP header to its flags (14), rounded up.
     */
    static final int DESCRIBED = 96;

    /** The key of the packet {@code buf} holds from its reader index, or null when it is neither IPv4 nor ARP. */
    static PacketKey of(ByteBuf buf) {
        int at = l3(buf);
        if (at < 0) {
            return null;
        }
        long hi = hi(buf, at);
        long lo = lo(buf, at);
        return new PacketKey((int) (hi >>> 32), (int) hi, (int) (lo >>> 32), (int) lo);
    }

    /**
     * The key's {@code kind} and {@code a} as one long ({@code kind << 32 | a}) for the layer-3
     * header at {@code at} ({@link #l3}): with {@link #lo}, a key that costs no object.
     */
    static long hi(ByteBuf buf, int at) {
        if (isArpAt(buf, at)) {
            return (long) EtherType.ARP << 32 | buf.getUnsignedShort(at + 6);
        }
        return (long) EtherType.IPV4 << 32 | buf.getUnsignedByte(at + 9) << 16 | buf.getUnsignedShort(at + 4);
    }

    /** The key's source and destination as one long ({@code src << 32 | dst}), the header at {@code at}. */
    static long lo(ByteBuf buf, int at) {
        return isArpAt(buf, at) ? addresses(buf.getInt(at + 14), buf.getInt(at + 24))
                : addresses(buf.getInt(at + 12), buf.getInt(at + 16));
    }

    /** Source and destination as {@link #lo} holds them. */
    static long addresses(int src, int dst) {
        return (long) src << 32 | dst & 0xFFFFFFFFL;
    }

    /** This key's {@link #hi}. */
    long hi() {
        return (long) kind << 32 | a & 0xFFFFFFFFL;
    }

    /** This key's {@link #lo}. */
    long lo() {
        return addresses(src, dst);
    }

    /**
     * Where the layer-3 header starts: at the reader index for an IPv4 packet (a valid header
     * checksum tells it from a frame), past the Ethernet header for an IPv4 or ARP frame; -1 else.
     */
    static int l3(ByteBuf buf) {
        int r = buf.readerIndex();
        int n = buf.readableBytes();
        if (n >= 20 && ipv4HeaderAt(buf, r)) {
            return r;
        }
        if (n >= ETH_HLEN + 20) {
            int type = buf.getUnsignedShort(r + 12);
            if (type == EtherType.IPV4 && ipv4HeaderAt(buf, r + ETH_HLEN)) {
                return r + ETH_HLEN;
            }
        }
        if (n >= ETH_HLEN + 28 && buf.getUnsignedShort(r + 12) == EtherType.ARP) {
            return r + ETH_HLEN;
        }
        return -1;
    }

    private static boolean isArpAt(ByteBuf buf, int at) {
        return at >= buf.readerIndex() + ETH_HLEN && buf.getUnsignedShort(at - 2) == EtherType.ARP;
    }

    private static boolean ipv4HeaderAt(ByteBuf buf, int at) {
        int vihl = buf.getUnsignedByte(at);
        int ihl = (vihl & 0xF) * 4;
        if ((vihl >>> 4) != 4 || ihl < 20 || at + ihl > buf.writerIndex()) {
            return false;
        }
        // RFC 1071's sum over 32-bit words, folded: the same one's complement sum in half the reads
        long sum = 0;
        for (int i = 0; i < ihl; i += 4) {
            sum += buf.getUnsignedInt(at + i);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum == 0xFFFF;
    }

    /** The packet in one line, as a reader of tcpdump knows it: {@code TCP 172.18.0.2:40000 > 172.18.0.3:80 [S]}. */
    static String describe(ByteBuf buf) {
        return describe(buf, buf.readableBytes());
    }

    /**
     * As {@link #describe(ByteBuf)} for a packet of {@code length} bytes of which {@code buf} holds
     * the first {@link #DESCRIBED} or more (every byte the description reads).
     */
    static String describe(ByteBuf buf, int length) {
        int at = l3(buf);
        if (at < 0) {
            return "frame of " + length + " bytes";
        }
        if (isArpAt(buf, at)) {
            int op = buf.getUnsignedShort(at + 6);
            String sender = Ipv4Address.format(buf.getInt(at + 14));
            String target = Ipv4Address.format(buf.getInt(at + 24));
            return op == 1 ? "ARP who-has " + target + " tell " + sender
                    : "ARP " + sender + " is-at " + MacAddress.format(mac(buf, at + 8));
        }
        int ihl = (buf.getUnsignedByte(at) & 0xF) * 4;
        int proto = buf.getUnsignedByte(at + 9);
        String src = Ipv4Address.format(buf.getInt(at + 12));
        String dst = Ipv4Address.format(buf.getInt(at + 16));
        int l4 = at + ihl;
        boolean first = (buf.getUnsignedShort(at + 6) & 0x1FFF) == 0;
        if (!first || l4 + 8 > buf.writerIndex()) {
            return "IP " + src + " > " + dst + " proto " + proto + " (fragment)";
        }
        return switch (proto) {
            case IpProtocol.TCP -> "TCP " + src + ":" + buf.getUnsignedShort(l4) + " > " + dst + ":"
                    + buf.getUnsignedShort(l4 + 2) + " [" + tcpFlags(l4 + 13 < buf.writerIndex() ? buf.getUnsignedByte(l4 + 13) : 0) + "]";
            case IpProtocol.UDP -> "UDP " + src + ":" + buf.getUnsignedShort(l4) + " > " + dst + ":" + buf.getUnsignedShort(l4 + 2);
            case IpProtocol.ICMP -> "ICMP " + src + " > " + dst + " " + icmp(buf, l4);
            default -> "IP " + src + " > " + dst + " proto " + proto;
        };
    }

    /** The source and destination ports of a TCP or UDP packet ({@code sport << 16 | dport}), else 0. */
    static int ports(ByteBuf buf) {
        int at = l3(buf);
        if (at < 0 || isArpAt(buf, at)) {
            return 0;
        }
        int proto = buf.getUnsignedByte(at + 9);
        int l4 = at + (buf.getUnsignedByte(at) & 0xF) * 4;
        if ((proto != IpProtocol.TCP && proto != IpProtocol.UDP) || l4 + 4 > buf.writerIndex()) {
            return 0;
        }
        return buf.getInt(l4);
    }

    private static long mac(ByteBuf buf, int at) {
        return (long) buf.getUnsignedShort(at) << 32 | buf.getUnsignedInt(at + 2);
    }

    /** tcpdump's flag letters: S, F, P, R, U, then {@code .} for ACK. */
    static String tcpFlags(int f) {
        StringBuilder sb = new StringBuilder();
        if ((f & 0x02) != 0) {
            sb.append('S');
        }
        if ((f & 0x01) != 0) {
            sb.append('F');
        }
        if ((f & 0x08) != 0) {
            sb.append('P');
        }
        if ((f & 0x04) != 0) {
            sb.append('R');
        }
        if ((f & 0x20) != 0) {
            sb.append('U');
        }
        if ((f & 0x10) != 0) {
            sb.append('.');
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static String icmp(ByteBuf buf, int l4) {
        int type = buf.getUnsignedByte(l4);
        int code = buf.getUnsignedByte(l4 + 1);
        return switch (type) {
            case 8 -> "echo request id " + buf.getUnsignedShort(l4 + 4) + " seq " + buf.getUnsignedShort(l4 + 6);
            case 0 -> "echo reply id " + buf.getUnsignedShort(l4 + 4) + " seq " + buf.getUnsignedShort(l4 + 6);
            case 3 -> switch (code) {
                case 0 -> "net unreachable";
                case 1 -> "host unreachable";
                case 3 -> "port unreachable";
                case 4 -> "need to frag";
                case 13 -> "admin prohibited filter";
                default -> "unreachable code " + code;
            };
            case 11 -> "time exceeded in-transit";
            default -> "type " + type + " code " + code;
        };
    }
}
