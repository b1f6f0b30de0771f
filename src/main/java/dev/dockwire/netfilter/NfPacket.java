package dev.dockwire.netfilter;

import dev.dockwire.link.NetDevice;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The packet as the hooks see it: the kernel's {@code sk_buff} fields netfilter reads plus the
 * {@code nf_hook_state} (hook, in, out) and the conntrack attachment ({@code skb->_nfct}). One
 * instance per namespace is reloaded for every hook call, so matching allocates nothing. The
 * transport fields are read once per {@link #parse()} and again after NAT rewrote them. The fields
 * are public, as the sk_buff's are to every netfilter module: conntrack, NAT and the extensions
 * read them on every packet.
 */
public final class NfPacket {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The bytes {@link #parse} reads from the IPv4 header's start: the header and a TCP header's flags behind it. */
    private static final int PARSED = 60 + TcpSegment.FLAGS + 1;

    /** The namespace the hooks run in ({@code state->net}), for matches that ask about its addresses. */
    public final NfNet net;
    public ByteBuf buf;
    /** Where the IPv4 header starts in {@link #buf} (its reader index when loaded). */
    public int l3off;
    public int hook;
    public NetDevice in;
    public NetDevice out;

    public int protocol;
    public int src;
    public int dst;
    public int length;
    public int l4off;
    public int l4len;
    /** Ports for TCP/UDP; -1 when the transport header is missing (truncated). */
    public int sport;
    public int dport;
    public int icmpType;
    public int icmpCode;
    public int icmpId;
    public int tcpFlags;

    public Conn ct;
    public int ctinfo = CtInfo.NONE;
    /** The connection was found again on loopback: tracking and NAT were done on the way out. */
    public boolean ctSeen;
    /** Set by a match that cannot read the headers it needs (xt_action_param.hotdrop). */
    public boolean hotdrop;
    /** The REJECT answer to send once the verdict is DROP (0 none). */
    public int reject;
    /** The chain whose rule (or policy) gave the last table walk's verdict (ipt_do_table's return point). */
    public Chain verdictChain;
    /** That rule's index in {@link #verdictChain}'s rules, or -1 when the built-in chain's policy decided. */
    public int verdictRule;
    /** {@code skb->nf_trace}: a TRACE rule marked the packet; the table walk reports its rules. */
    public boolean nfTrace;

    public NfPacket(NfNet net) {
        this.net = net;
    }

    public void load(int hook, NetDevice in, NetDevice out, ByteBuf packet) {
        // A recycled frame (FrameCache) is often the last packet's object: not stored again, as devices().
        if (this.buf != packet) {
            this.buf = packet;
        }
        this.hook = hook;
        devices(in, out);
        this.ct = null;
        this.ctinfo = CtInfo.NONE;
        this.ctSeen = false;
        this.hotdrop = false;
        this.reject = 0;
        this.nfTrace = false;
        parse();
    }

    /**
     * Sets the hook's devices. The same devices as the last packet's (one flow) are not stored
     * again: a reference store into this long-lived object costs G1 a card-mark fence.
     */
    public void devices(NetDevice in, NetDevice out) {
        if (this.in != in) {
            this.in = in;
        }
        if (this.out != out) {
            this.out = out;
        }
    }

    /**
     * (Re)reads the addresses and the transport header (in place: no flyweight to point). A frame is a
     * heap buffer: when every byte parse may read lies within its capacity, one check, the fields are
     * read straight from its array ({@link #parseArray}); Netty's accessors check each read (bounds,
     * accessibility), and on the sink's PREROUTING walk of the NAT benchmark they were a tenth of a frame.
     */
    public void parse() {
        ByteBuf b = buf;
        int off = b.readerIndex();
        if (b.hasArray() && (off | (b.capacity() - PARSED - off)) >= 0) {
            parseArray(b.array(), b.arrayOffset() + off, off);
            return;
        }
        l3off = off;
        // Three reads: version/IHL, TOS, total length, identification, flags and offset; TTL
        // and protocol; source and destination.
        long w = b.getLong(off + Ipv4Packet.VER_IHL);
        protocol = b.getUnsignedByte(off + Ipv4Packet.PROTOCOL);
        long addrs = b.getLong(off + Ipv4Packet.SRC);
        src = (int) (addrs >>> 32);
        dst = (int) addrs;
        length = (int) (w >>> 32) & 0xFFFF;
        int ihl = (int) (w >>> 56 & 0xF) * 4;
        l4off = off + ihl;
        l4len = length - ihl;
        sport = -1;
        dport = -1;
        icmpType = -1;
        icmpCode = -1;
        icmpId = 0;
        tcpFlags = 0;
        if (((int) w & Ipv4Packet.FRAG_OFFSET_MASK) == 0) {
            transport(b);
        }
    }

    /**
     * {@link #parse} of the header at {@code a[i]}, buffer index {@code off}, every byte it may read within the
     * buffer. A UDP datagram's ports are read here, any other transport header by {@link #transportArray}:
     * whole (387 bytecodes) this was above C2's FreqInlineSize (325), a call on every packet of every hook.
     */
    private void parseArray(byte[] a, int i, int off) {
        l3off = off;
        long w = (long) LONG.get(a, i + Ipv4Packet.VER_IHL);
        long addrs = (long) LONG.get(a, i + Ipv4Packet.SRC);
        int proto = a[i + Ipv4Packet.PROTOCOL] & 0xFF;
        protocol = proto;
        src = (int) (addrs >>> 32);
        dst = (int) addrs;
        int len = (int) (w >>> 32) & 0xFFFF;
        length = len;
        int ihl = (int) (w >>> 56 & 0xF) * 4;
        l4off = off + ihl;
        int l4n = len - ihl;
        l4len = l4n;
        int sp = -1;
        int dp = -1;
        boolean whole = ((int) w & Ipv4Packet.FRAG_OFFSET_MASK) == 0;
        if (whole && proto == IpProtocol.UDP && l4n >= 8) {
            int ports = (int) INT.get(a, i + ihl);
            sp = ports >>> 16;
            dp = ports & 0xFFFF;
        }
        sport = sp;
        dport = dp;
        icmpType = -1;
        icmpCode = -1;
        icmpId = 0;
        tcpFlags = 0;
        if (whole && proto != IpProtocol.UDP) {
            transportArray(a, i + ihl, proto, l4n);
        }
    }

    /** {@link #parseArray}'s transport header other than UDP's at {@code a[t]}, {@code l4n} bytes long. */
    private void transportArray(byte[] a, int t, int proto, int l4n) {
        switch (proto) {
            case IpProtocol.TCP -> {
                if (l4n >= TcpSegment.MIN_HEADER_LENGTH) {
                    int ports = (int) INT.get(a, t);
                    sport = ports >>> 16;
                    dport = ports & 0xFFFF;
                    tcpFlags = a[t + TcpSegment.FLAGS] & 0xFF;
                }
            }
            case IpProtocol.SCTP -> {
                if (l4n >= 12) {
                    int ports = (int) INT.get(a, t);
                    sport = ports >>> 16;
                    dport = ports & 0xFFFF;
                }
            }
            case IpProtocol.ICMP -> {
                if (l4n >= IcmpPacket.HEADER_LENGTH) {
                    int head = (int) INT.get(a, t);
                    icmpType = head >>> 24;
                    icmpCode = head >>> 16 & 0xFF;
                    icmpId = (int) INT.get(a, t + IcmpPacket.IDENT) >>> 16;
                }
            }
            default -> {
            }
        }
    }

    /** The ports (or ICMP type, code and identifier) of a first fragment or whole datagram. */
    private void transport(ByteBuf b) {
        switch (protocol) {
            case IpProtocol.TCP -> {
                if (l4len >= TcpSegment.MIN_HEADER_LENGTH) {
                    int ports = b.getInt(l4off);
                    sport = ports >>> 16;
                    dport = ports & 0xFFFF;
                    tcpFlags = b.getUnsignedByte(l4off + TcpSegment.FLAGS);
                }
            }
            case IpProtocol.UDP, IpProtocol.SCTP -> {
                // SCTP's common header (12 bytes) starts with the same two ports.
                if (l4len >= (protocol == IpProtocol.UDP ? 8 : 12)) {
                    int ports = b.getInt(l4off);
                    sport = ports >>> 16;
                    dport = ports & 0xFFFF;
                }
            }
            case IpProtocol.ICMP -> {
                if (l4len >= IcmpPacket.HEADER_LENGTH) {
                    icmpType = b.getUnsignedByte(l4off);
                    icmpCode = b.getUnsignedByte(l4off + 1);
                    icmpId = b.getUnsignedShort(l4off + IcmpPacket.IDENT);
                }
            }
            default -> {
            }
        }
    }

    public int hook() {
        return hook;
    }

    public NetDevice in() {
        return in;
    }

    public NetDevice out() {
        return out;
    }

    public int src() {
        return src;
    }

    public int dst() {
        return dst;
    }

    public int protocol() {
        return protocol;
    }

    public int length() {
        return length;
    }
}
