package dev.dockwire.netns.stack;

import dev.dockwire.link.DropReason;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;

/**
 * UDP (RFC 768) demux: per local port one socket per bound address, a socket bound to a specific
 * address preferred over the wildcard one (no SO_REUSEADDR/SO_REUSEPORT: a wildcard bind and a
 * specific bind on one port exclude each other, as in Linux), a bound address must match,
 * ICMP port unreachable for a datagram nobody listens to (unless broadcast), ephemeral ports
 * from {@code net.ipv4.ip_local_port_range} starting at a random offset like the kernel.
 */
final class Udp {
    private final IpLayer stack;
    private PortTable<UdpSocketImpl> ports = SparseMaps.noPorts();
    /** Tunnel sockets (udp_tunnel_sock): their datagrams go to encap_rcv, not a socket queue. */
    private IntObjectHashMap<UdpTunnel.Receiver> tunnels = SparseMaps.noInts();
    /** The tunnel port last looked up and its receiver (VXLAN's 4789, datagram after datagram); -1: none. */
    private int lastTunnelPort = -1;
    private UdpTunnel.Receiver lastTunnel;
    private final UdpPacket udp = new UdpPacket();
    /**
     * The last port looked up and the first socket on it (or null): a flow's datagrams repeat
     * their port, so the map is asked once per flow. Written on a miss only; forgotten when a
     * socket binds or goes.
     */
    private int lastPort = -1;
    private UdpSocketImpl lastOnPort;
    /** Made by the first count ({@link #mib()}): a namespace without UDP traffic keeps one null reference. */
    private UdpMib mib;

    Udp(IpLayer stack) {
        this.stack = stack;
    }

    /** The UDP MIB, made by the first count. */
    UdpMib mib() {
        UdpMib m = mib;
        if (m == null) {
            mib = m = new UdpMib();
        }
        return m;
    }

    /** The UDP MIB if anything was counted, else null (reading it makes nothing). */
    UdpMib mibOrNull() {
        return mib;
    }

    /** The sockets as /proc/net/udp lists them (udp4_seq_show), by port. */
    void sockets(java.util.List<SocketEntry> out) {
        java.util.List<SocketEntry> all = new java.util.ArrayList<>();
        for (UdpSocketImpl first : ports.values()) {
            for (UdpSocketImpl s = first; s != null; s = s.nextOnPort) {
                all.add(new SocketEntry("udp", s.localAddress(), s.localPort(), s.peerAddress(), s.peerPort(),
                        s.peerPort() != 0 ? "ESTABLISHED" : "CLOSE"));
            }
        }
        all.sort(java.util.Comparator.comparingInt(SocketEntry::localPort));
        out.addAll(all);
    }

    IpLayer stack() {
        return stack;
    }

    /** {@code packet} starts at the IP header; takes ownership. */
    void input(NetDevice dev, ByteBuf packet) {
        // Headers read in place, not through the flyweights (a reference store per packet costs G1
        // a card-mark fence); the flyweight only verifies a checksum nobody vouched for.
        int ipAt = packet.readerIndex();
        int src = Ipv4Packet.src(packet, ipAt);
        int dst = Ipv4Packet.dst(packet, ipAt);
        int ihl = Ipv4Packet.headerLength(packet, ipAt);
        int off = ipAt + ihl;
        int available = Ipv4Packet.totalLength(packet, ipAt) - ihl;
        int len = available >= UdpPacket.HEADER_LENGTH ? UdpPacket.length(packet, off) : 0;
        // A CHECKSUM_PARTIAL datagram from a local sender is trusted, as skb_csum_unnecessary does.
        if (len < UdpPacket.HEADER_LENGTH || len > available) {
            inError(packet, false);
            return;
        }
        if (!Frames.checksumPartial(packet) && !udp.wrap(packet, off).verifyChecksum(src, dst)) {
            inError(packet, true);
            return;
        }
        int ports = UdpPacket.ports(packet, off);
        int dstPort = ports & 0xFFFF;
        int srcPort = ports >>> 16;
        int payload = off + UdpPacket.HEADER_LENGTH;
        if (!tunnels.isEmpty() && encapRcv(dev, packet, src, dstPort, payload, off + len)) {
            return;
        }
        UdpSocketImpl s = lookup(dstPort, dst);
        if (!takes(s, src, srcPort, dst)) {
            noPort(dev, packet, dst);
            return;
        }
        if (s.held()) {
            hold(dev, packet, s, src, srcPort, dstPort, payload, off + len);
            return;
        }
        mib().inDatagrams++;
        stack.probe().deliver(dev, packet, IpProtocol.UDP, dstPort, s);
        packet.setIndex(payload, off + len);
        try {
            s.deliver(src, srcPort, packet);
        } finally {
            packet.release();
        }
    }

    /**
     * Whether socket {@code s} (null: none) takes a datagram from {@code src:srcPort} to {@code dst}: bound to it, to the
     * wildcard or it is a broadcast, and from the peer if connected. Apart from {@link #input} to keep its bytecode
     * under FreqInlineSize (325).
     */
    private boolean takes(UdpSocketImpl s, int src, int srcPort, int dst) {
        return s != null && (s.localAddress() == 0 || s.localAddress() == dst || stack.ns.isBroadcast(dst)) && s.accepts(src, srcPort);
    }

    /**
     * The tunnel bound to {@code dstPort}, if any, takes the datagram (udp_queue_rcv_skb's
     * {@code encap_rcv}); kept out of {@link #input} so that the socket path stays small enough to inline.
     */
    private boolean encapRcv(NetDevice dev, ByteBuf packet, int src, int dstPort, int payload, int end) {
        UdpTunnel.Receiver t;
        if (dstPort == lastTunnelPort) {
            t = lastTunnel;
        } else {
            t = tunnels.get(dstPort);
            if (t == null) {
                return false;
            }
            lastTunnelPort = dstPort;
            lastTunnel = t;
        }
        mib().inDatagrams++;
        stack.probe().deliver(dev, packet, IpProtocol.UDP, dstPort, t);
        t.encapRcv(packet, src, payload, end);
        return true;
    }

    /**
     * The socket's process does not read (frozen): the datagram waits in its receive queue, or past
     * SO_RCVBUF is dropped as __udp_enqueue_schedule_skb drops it (UDP_MIB_RCVBUFERRORS and
     * UDP_MIB_INERRORS, SKB_DROP_REASON_SOCKET_RCVBUFF). Kept out of {@link #input} with {@link #encapRcv}.
     */
    private void hold(NetDevice dev, ByteBuf packet, UdpSocketImpl s, int src, int srcPort, int dstPort, int payload, int end) {
        int ip = packet.readerIndex();
        packet.setIndex(payload, end);
        boolean queued = s.hold(src, srcPort, packet);
        packet.readerIndex(ip);
        UdpMib m = mib();
        if (queued) {
            m.inDatagrams++;
            stack.probe().deliver(dev, packet, IpProtocol.UDP, dstPort, s);
        } else {
            m.rcvbufErrors++;
            m.inErrors++;
            stack.probe().drop(dev, packet, DropReason.SOCKET_RCVBUFF);
        }
        packet.release();
    }

    /** A short datagram or a bad checksum (__udp4_lib_rcv's short_packet/csum_error: UDP_MIB_INERRORS, CSUMERRORS too), freed. */
    private void inError(ByteBuf packet, boolean checksum) {
        UdpMib m = mib();
        m.inErrors++;
        if (checksum) {
            m.inCsumErrors++;
        }
        packet.release();
    }

    /** No socket takes the datagram (__udp4_lib_rcv's no_sk path): port unreachable unless it was a broadcast. */
    private void noPort(NetDevice dev, ByteBuf packet, int dst) {
        stack.probe().drop(dev, packet, DropReason.NO_SOCKET);
        if (stack.ns.isBroadcast(dst) || (dst >>> 28) == 0xE) {
            mib().ignoredMulti++; // __udp4_lib_mcast_deliver found no socket
        } else {
            mib().noPorts++;
            stack.icmpSend(packet, IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.CODE_PORT_UNREACHABLE, 0);
        }
        packet.release();
    }

    /**
     * An ICMP error from {@code reporter} (arriving with {@code ttl}) quoting a datagram we sent from {@code srcPort} to
     * {@code dst:dstPort} (__udp4_lib_err): a socket with IP_RECVERR queues it whatever its state.
     */
    void error(int reporter, int ttl, int src, int srcPort, int dst, int dstPort, int type, int code) {
        UdpSocketImpl s = lookup(srcPort, src);
        if (s != null && s.recvErr()) {
            s.deliverIcmpError(reporter, ttl, type, code, dst, dstPort);
        }
        if (s == null || !s.isConnectedTo(dst, dstPort)) {
            return; // unconnected sockets do not see ICMP errors (no IP_RECVERR)
        }
        SocketError err;
        if (type == IcmpPacket.TYPE_DEST_UNREACHABLE) {
            err = switch (code) {
                case IcmpPacket.CODE_PORT_UNREACHABLE -> SocketError.ECONNREFUSED;
                case IcmpPacket.CODE_NET_UNREACHABLE -> SocketError.ENETUNREACH;
                case IcmpPacket.CODE_FRAG_NEEDED -> SocketError.EMSGSIZE;
                default -> SocketError.EHOSTUNREACH;
            };
        } else {
            err = SocketError.EHOSTUNREACH;
        }
        s.deliverError(err);
    }

    /** The socket on {@code port} bound to {@code addr}, else the wildcard one, else any (for the error path). */
    private UdpSocketImpl lookup(int port, int addr) {
        UdpSocketImpl first;
        if (port == lastPort) {
            first = lastOnPort;
        } else {
            first = ports.get(port);
            lastPort = port;
            lastOnPort = first;
        }
        if (first == null || first.nextOnPort == null) {
            return first;
        }
        UdpSocketImpl wildcard = null;
        for (UdpSocketImpl s = first; s != null; s = s.nextOnPort) {
            if (s.localAddress() == addr) {
                return s;
            }
            if (s.localAddress() == 0) {
                wildcard = s;
            }
        }
        return wildcard != null ? wildcard : first;
    }

    void bind(UdpSocketImpl s, int addr, int port) {
        if (port == 0) {
            port = ephemeralPort();
        } else {
            if (tunnels.containsKey(port)) {
                throw new SocketException(SocketError.EADDRINUSE);
            }
            for (UdpSocketImpl o = ports.get(port); o != null; o = o.nextOnPort) {
                if (addr == 0 || o.localAddress() == 0 || o.localAddress() == addr) {
                    throw new SocketException(SocketError.EADDRINUSE);
                }
            }
        }
        if (addr != 0 && !stack.ns.isLocal(addr)) {
            throw new SocketException(SocketError.EADDRNOTAVAIL);
        }
        forget();
        s.nextOnPort = ports.get(port);
        ports = SparseMaps.writable(ports);
        ports.put(port, s);
        s.bound(addr, port);
    }

    /** Blanks between the port range's two numbers, compiled once (a bind of port 0 reads the range). */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private int ephemeralPort() {
        String[] range = SPACES.split(stack.ns.sysctl("net.ipv4.ip_local_port_range").trim());
        int low = Integer.parseInt(range[0]);
        int high = Integer.parseInt(range[1]);
        int n = high - low + 1;
        int offset = stack.ns.random().nextInt(n);
        for (int i = 0; i < n; i++) {
            int port = low + (offset + i) % n;
            if (!ports.containsKey(port) && !tunnels.containsKey(port)) {
                return port;
            }
        }
        throw new SocketException(SocketError.EADDRINUSE);
    }

    /** Binds a tunnel socket to {@code port} on the wildcard address; false when the port is taken. */
    boolean openTunnel(int port, UdpTunnel.Receiver receiver) {
        if (ports.containsKey(port) || tunnels.containsKey(port)) {
            return false;
        }
        tunnels = SparseMaps.writable(tunnels);
        tunnels.put(port, receiver);
        return true;
    }

    void closeTunnel(int port) {
        tunnels.remove(port);
        lastTunnelPort = -1;
        lastTunnel = null;
    }

    /** The sockets on a port change: the remembered lookup may no longer be the map's answer. */
    private void forget() {
        lastPort = -1;
        lastOnPort = null;
    }

    void unbind(UdpSocketImpl s) {
        forget();
        UdpSocketImpl first = ports.get(s.localPort());
        if (first == s) {
            if (s.nextOnPort == null) {
                ports.remove(s.localPort());
            } else {
                ports.put(s.localPort(), s.nextOnPort);
            }
        } else {
            for (UdpSocketImpl o = first; o != null; o = o.nextOnPort) {
                if (o.nextOnPort == s) {
                    o.nextOnPort = s.nextOnPort;
                    break;
                }
            }
        }
        s.nextOnPort = null;
    }

    /**
     * udp_send_skb by route {@code rt}: on a device that completes checksums, for a datagram that
     * fits the MTU, only the pseudo-header sum, CHECKSUM_PARTIAL (udp4_hwcsum), as Linux leaves it
     * over veth, bridges and lo; else the full sum in software (udp_csum).
     */
    void send(int src, int srcPort, int dst, int dstPort, ByteBuf packet, int ttl, Route rt) {
        int len = packet.readableBytes();
        int at = packet.readerIndex();
        if (stack.checksumOffload(rt, dst, len)) {
            // Written in place: no flyweight pointed at the packet on the common path.
            UdpPacket.write(packet, at, srcPort, dstPort, len, Checksum.fold(Checksum.pseudoHeader(src, dst, IpProtocol.UDP, len)));
            Frames.checksumPartial(packet, at, UdpPacket.CHECKSUM);
        } else {
            udp.wrap(packet, at).set(srcPort, dstPort, len).fillChecksum(src, dst);
        }
        // UDP sockets default to IP_PMTUDISC_WANT: a datagram over the MTU leaves in fragments.
        stack.output(packet, 0, src, dst, IpProtocol.UDP, ttl, IpLayer.PMTUDISC_WANT, rt);
        mib().outDatagrams++; // udp_send_skb: ip_send_skb took it
    }

    void closeAll() {
        forget();
        ports.clear();
    }
}
