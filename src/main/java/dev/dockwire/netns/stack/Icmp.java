package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;

/**
 * ICMPv4 (RFC 792, RFC 1122 section 3.2.2): answers echo requests, hands echo replies to ping
 * sockets by identifier, passes errors to the socket the quoted header belongs to, and builds
 * errors for the rest of the stack. Never answers an error with an error, nor a broadcast, a
 * non-first fragment or a packet from a non-unicast source (RFC 1122 3.2.2).
 */
final class Icmp {
    /** Errors quote as much of the offending packet as fits in 576 bytes (icmp_send). */
    private static final int MAX_ERROR_LENGTH = 576;
    /** icmp_rcv: a type above it is an input error (NR_ICMP_TYPES, include/uapi/linux/icmp.h). */
    private static final int NR_ICMP_TYPES = 18;
    private final IpLayer stack;
    /** Take the errors that quote their segments (their err_handler). */
    private final Udp udpLayer;
    private final Tcp tcpLayer;
    /** Header views, made with the first ICMP message in or out ({@link #views}): most namespaces never see one. */
    private IcmpPacket icmp;
    private IcmpPacket inner;
    private Ipv4Packet ip;
    private Ipv4Packet quoted;
    private UdpPacket udp;
    private TcpSegment tcp;
    private IntObjectHashMap<PingSocketImpl> pingSockets = SparseMaps.noInts();
    /** Made by the first ICMP message in or out ({@link #mib()}): most namespaces never count one. */
    private IcmpMib mib;

    Icmp(IpLayer stack, Udp udp, Tcp tcp) {
        this.stack = stack;
        this.udpLayer = udp;
        this.tcpLayer = tcp;
    }

    /** The ICMP MIB, made by the first count. */
    IcmpMib mib() {
        IcmpMib m = mib;
        if (m == null) {
            mib = m = new IcmpMib();
        }
        return m;
    }

    /** The ICMP MIB if anything was counted, else null (reading it makes nothing). */
    IcmpMib mibOrNull() {
        return mib;
    }

    private void views() {
        if (ip == null) {
            icmp = new IcmpPacket();
            inner = new IcmpPacket();
            ip = new Ipv4Packet();
            quoted = new Ipv4Packet();
            udp = new UdpPacket();
            tcp = new TcpSegment();
        }
    }

    /** {@code packet} starts at the IP header; takes ownership. */
    void input(NetDevice dev, ByteBuf packet) {
        views();
        try {
            ip.wrap(packet, packet.readerIndex());
            int off = ip.payloadOffset();
            int len = ip.payloadLength();
            IcmpMib m = mib();
            m.inMsgs++; // icmp_rcv: every message, then its errors
            if (!icmp.wrapChecked(packet, off, len)) {
                m.inErrors++;
                return;
            }
            if (!icmp.verifyChecksum()) {
                m.inCsumErrors++;
                m.inErrors++;
                return;
            }
            m.inType(icmp.type());
            switch (icmp.type()) {
                case IcmpPacket.TYPE_ECHO_REQUEST -> {
                    stack.probe().deliver(dev, packet, IpProtocol.ICMP, icmp.ident(), null);
                    echoReply(packet);
                }
                case IcmpPacket.TYPE_ECHO_REPLY -> {
                    PingSocketImpl s = pingSockets.get(icmp.ident());
                    if (s != null) {
                        stack.probe().deliver(dev, packet, IpProtocol.ICMP, icmp.ident(), s);
                        int src = ip.src();
                        int ttl = ip.ttl();
                        int seq = icmp.sequence();
                        int r = packet.readerIndex();
                        int w = packet.writerIndex();
                        packet.setIndex(icmp.dataOffset(), off + len);
                        s.deliverReply(src, seq, ttl, packet);
                        packet.setIndex(r, w);
                    }
                }
                case IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.TYPE_TIME_EXCEEDED -> errorInput(packet);
                default -> {
                    if (icmp.type() > NR_ICMP_TYPES) {
                        m.inErrors++;
                    }
                }
            }
        } finally {
            packet.release();
        }
    }

    /** Echo reply with the request's identifier, sequence and data (icmp_echo). */
    private void echoReply(ByteBuf request) {
        int dst = ip.src();
        int src = ip.dst();
        if (stack.ns.isBroadcast(src) || (src >>> 28) == 0xE) {
            mib().inErrors++; // icmp_rcv: icmp_echo_ignore_broadcasts=1, an input error
            return;
        }
        int len = icmp.length();
        ByteBuf reply = Frames.allocate(len);
        reply.writeBytes(request, icmp.dataOffset() - IcmpPacket.HEADER_LENGTH, len);
        IcmpPacket out = new IcmpPacket().wrap(reply, reply.readerIndex(), len);
        out.type(IcmpPacket.TYPE_ECHO_REPLY).code(0).fillChecksum();
        send(reply, src, dst);
    }

    /** An ICMP error arrived: find the socket the quoted packet came from. */
    private void errorInput(ByteBuf packet) {
        int qoff = icmp.dataOffset();
        int qlen = icmp.dataLength();
        if (qlen < Ipv4Packet.MIN_HEADER_LENGTH + 8) {
            mib().inErrors++; // icmp_unreach's out_err
            return;
        }
        quoted.wrap(packet, qoff);
        int ihl = quoted.headerLength();
        if (ihl < Ipv4Packet.MIN_HEADER_LENGTH || qlen < ihl + 8) {
            mib().inErrors++; // icmp_unreach's out_err, icmp_socket_deliver's short quote
            return;
        }
        int reporter = ip.src();
        int type = icmp.type();
        int code = icmp.code();
        int proto = quoted.protocol();
        if (type == IcmpPacket.TYPE_DEST_UNREACHABLE && code == IcmpPacket.CODE_FRAG_NEEDED) {
            stack.pmtuLearned(quoted.dst(), icmp.sequence());
        }
        if (proto == IpProtocol.ICMP) {
            inner.wrap(packet, qoff + ihl, 8);
            if (inner.type() == IcmpPacket.TYPE_ECHO_REQUEST) {
                PingSocketImpl s = pingSockets.get(inner.ident());
                if (s != null) {
                    // Bytes 6-7 of a fragmentation-needed error carry the next-hop MTU (RFC 1191).
                    int mtu = type == IcmpPacket.TYPE_DEST_UNREACHABLE && code == IcmpPacket.CODE_FRAG_NEEDED
                            ? icmp.sequence() : 0;
                    s.deliverError(reporter, inner.sequence(), type, code, mtu);
                }
            }
        } else if (proto == IpProtocol.UDP) {
            udp.wrap(packet, qoff + ihl);
            udpLayer.error(reporter, ip.ttl(), quoted.src(), udp.srcPort(), quoted.dst(), udp.dstPort(), type, code);
        } else if (proto == IpProtocol.TCP) {
            // The first 8 bytes of the quoted segment: ports and sequence number.
            tcp.wrap(packet, qoff + ihl, 8);
            tcpLayer.error(quoted.src(), tcp.srcPort(), quoted.dst(), tcp.dstPort(), tcp.seq(), type, code);
        }
    }

    /**
     * Sends an ICMP error about {@code offending} (reader index at its IP header) to its source.
     * Does not take ownership.
     */
    void error(ByteBuf offending, int type, int code, int mtu) {
        views();
        ip.wrap(offending, offending.readerIndex());
        int src = ip.src();
        int dst = ip.dst();
        if (src == 0 || (src >>> 28) >= 0xE || stack.ns.isBroadcast(dst) || (dst >>> 28) == 0xE
                || ip.fragmentOffset() != 0) {
            return;
        }
        if (ip.protocol() == IpProtocol.ICMP) {
            icmp.wrap(offending, ip.payloadOffset(), ip.payloadLength());
            if (ip.payloadLength() < IcmpPacket.HEADER_LENGTH || icmp.isError()) {
                return;
            }
        }
        int quoteLen = Math.min(ip.totalLength(), MAX_ERROR_LENGTH - Ipv4Packet.MIN_HEADER_LENGTH - IcmpPacket.HEADER_LENGTH);
        int len = IcmpPacket.HEADER_LENGTH + quoteLen;
        int from = stack.sourceAddressFor(src);
        if (from == 0) {
            return;
        }
        ByteBuf msg = Frames.allocate(len);
        msg.writerIndex(msg.readerIndex() + IcmpPacket.HEADER_LENGTH);
        msg.writeBytes(offending, offending.readerIndex(), quoteLen);
        new IcmpPacket().wrap(msg, msg.readerIndex(), len).type(type).code(code)
                .restOfHeader(0, code == IcmpPacket.CODE_FRAG_NEEDED && type == IcmpPacket.TYPE_DEST_UNREACHABLE ? mtu : 0)
                .fillChecksum();
        send(msg, from, src);
    }

    /** Sends an ICMP message; routing failures are silently dropped as for any kernel-made packet. */
    private void send(ByteBuf msg, int src, int dst) {
        try {
            stack.output(msg, src, dst, IpProtocol.ICMP, stack.defaultTtl(), false);
        } catch (SocketException e) {
            // no route back: nothing to report to
        }
    }

    PingSocketImpl openPing() {
        int ident;
        do {
            ident = stack.ns.random().nextInt(1, 0x10000);
        } while (pingSockets.containsKey(ident));
        PingSocketImpl s = new PingSocketImpl(this, stack, ident);
        pingSockets = SparseMaps.writable(pingSockets);
        pingSockets.put(ident, s);
        return s;
    }

    void closePing(PingSocketImpl s) {
        pingSockets.remove(s.ident());
    }

    void closeAll() {
        pingSockets.clear();
    }
}
