package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.link.DropReason;
import dev.dockwire.link.Gso;
import dev.dockwire.link.LinkType;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.NetdevFeatures;
import dev.dockwire.link.RxHandler;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.MacAddress;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;

/**
 * The IPv4 stack of one namespace: Ethernet demux, ARP, IPv4 input with local delivery or
 * forwarding ({@code net.ipv4.ip_forward}), output through the routing table and the neighbour
 * table, ICMP, UDP and TCP. Follows the kernel's {@code ip_rcv → ip_rcv_finish → ip_local_deliver /
 * ip_forward} and {@code ip_output → ip_finish_output2 → neigh_output} paths. Headers are read and
 * written in place (static access), so receiving, forwarding and sending a datagram allocate no objects.
 */
public final class Ipv4Stack extends IpLayer implements RxHandler, Sockets, NeighbourTable.Io, UdpTunnel {
    final Arp arp;
    final Icmp icmp;
    final Udp udp;
    final Tcp tcp;
    private IpMib counters; // made by counters(): 88 bytes of each namespace that never sends or receives
    /** Made by the first fragment that needs it: most namespaces never see one (10,000 containers). */
    private IpDefrag defrag;
    private int fragTimeSeconds = IpDefrag.DEFAULT_TIME_SECONDS;
    private long fragHighThresh = IpDefrag.DEFAULT_HIGH_THRESH;
    final PmtuCache pmtu = new PmtuCache();
    private boolean forwarding;
    /**
     * Where recently forwarded destinations go: a hit skips the local/broadcast tests and the FIB.
     * Made by the first packet forwarded: a container never forwards.
     */
    private InputRouteCache inputRoutes;
    private IpForward forwarder;
    /** Output routes and local-address tests with their last answers; made by the first packet sent or received. */
    private RecentRoutes recentRoutes;
    private int defaultTtl = 64;
    private int nextIdent;
    /** The tunnel cache whose datagram the full output path is sending: told the hooks' replay ({@link TunnelDst#hooked}). */
    TunnelDst tunnelSending;

    public Ipv4Stack(StackNet ns) {
        super(ns);
        this.arp = new Arp(ns);
        this.udp = new Udp(this);
        this.tcp = new Tcp(this);
        this.icmp = new Icmp(this, udp, tcp);
        this.nextIdent = ns.random().nextInt(0x10000);
    }

    /** The IP MIB, made by the first count or read (zeros then); inlined, so counting allocates once, not per packet. */
    public IpMib counters() {
        IpMib c = counters;
        if (c == null) {
            counters = c = new IpMib();
        }
        return c;
    }

    /** Re-reads the sysctls the fast path caches. */
    public void sysctlChanged() {
        forwarding = "1".equals(ns.sysctl("net.ipv4.ip_forward"));
        defaultTtl = Integer.parseInt(ns.sysctl("net.ipv4.ip_default_ttl").trim());
        fragTimeSeconds = Integer.parseInt(ns.sysctl("net.ipv4.ipfrag_time").trim());
        fragHighThresh = Long.parseLong(ns.sysctl("net.ipv4.ipfrag_high_thresh").trim());
        if (defrag != null) {
            defrag.timeoutSeconds(fragTimeSeconds);
            defrag.highThresh(fragHighThresh);
        }
        tcp.sysctlChanged();
    }

    @Override
    int defaultTtl() {
        return defaultTtl;
    }

    // ---- receive ---------------------------------------------------------------------------

    /** Frames received on a device of this namespace (not enslaved to a bridge). */
    @Override
    public void handle(NetDevice dev, ByteBuf frame) {
        if (frame.readableBytes() < EthernetFrame.HEADER_LENGTH) {
            drop(dev, frame, DropReason.PKT_TOO_SMALL);
            return;
        }
        int at = frame.readerIndex();
        long dst = EthernetFrame.dst(frame, at);
        // eth_type_trans: frames for another host are PACKET_OTHERHOST and not for us.
        if (dst != dev.mac() && !MacAddress.isMulticast(dst)) {
            drop(dev, frame, DropReason.OTHERHOST);
            return;
        }
        int type = EthernetFrame.etherType(frame, at);
        int l3 = at + EthernetFrame.HEADER_LENGTH;
        if (type == EtherType.IPV4) {
            ipInput(dev, frame, l3, dst);
        } else if (type == EtherType.ARP) {
            arp.input(dev, frame, l3);
        } else {
            drop(dev, frame, DropReason.UNHANDLED_PROTO);
        }
    }

    /**
     * ip_rcv and ip_rcv_finish. Left above the JIT's FreqInlineSize (325 bytecodes) on purpose: inlined
     * into {@link #handle} (split into a small common case, or trimmed under 325), the receive chain
     * from the backlog down to UDP passed MaxInlineLevel (15) and NodeCountInliningCutoff, the header
     * accessors at its leaves became calls, and macvlan's CPU per frame rose by half (session 14).
     */
    private void ipInput(NetDevice dev, ByteBuf frame, int off, long dstMac) {
        // The header is read in place (Ipv4Packet's static access), not through a flyweight
        // pointed at each packet: that reference store costs G1 a card-mark fence per packet.
        IpMib mib = counters();
        if (!Ipv4Packet.valid(frame, off, frame.writerIndex() - off)) {
            mib.headerError(frame.writerIndex() - off);
            drop(dev, frame, DropReason.IP_INHDR);
            return;
        }
        mib.received(frame, off);
        // Drop link-layer padding (pskb_trim_rcsum) and the Ethernet header: the packet now
        // starts at the IP header and ends with it.
        frame.setIndex(off, off + Ipv4Packet.totalLength(frame, off));
        NfHooks nf = ns.nfHooks();
        IpForward f = forwarder;
        if (f != null && forwarding && f.offloaded(dev, frame, dstMac, nf)) {
            return; // an established flow's step (FlowTable): the hooks' and ip_forward's work done
        }
        int fragMax = 0;
        boolean fragment = (Ipv4Packet.flagsFrag(frame, off) & (Ipv4Packet.FLAG_MF | Ipv4Packet.FRAG_OFFSET_MASK)) != 0;
        if (fragment && nf != null && nf.defragments()) {
            // nf_defrag_ipv4 at PRE_ROUTING: conntrack and NAT see the whole datagram.
            frame = defrag().input(frame);
            if (frame == null) {
                return;
            }
            fragMax = defrag().fragMaxSize();
            fragment = false;
        }
        if (nf != null && !nf.preRouting(dev, frame)) {
            return;
        }
        int dst = Ipv4Packet.dst(frame, frame.readerIndex());
        Route cached = forwardRoute(dst);
        if (cached == null && (recentRoutes().isLocal(ns, dst) || mib.bcastMcast(ns, dst, frame.readableBytes()))) {
            probe().route(dev, frame, dst, ns.lo(), dst, true);
            if (fragment) {
                // ip_local_deliver reassembles before NF_INET_LOCAL_IN.
                frame = defrag().input(frame);
                if (frame == null) {
                    return;
                }
            }
            if (nf == null || nf.localIn(dev, frame)) {
                localDeliver(dev, frame, dstMac);
            }
        } else if (MacAddress.isMulticast(dstMac)) {
            drop(dev, frame, DropReason.UNICAST_IN_L2_MULTICAST); // link-layer broadcast to someone else's address: not forwarded
        } else if (forwarding) {
            forward(dev, frame, fragMax, cached);
        } else {
            mib.inAddrErrors++;
            drop(dev, frame, DropReason.IP_INADDRERRORS);
        }
    }

    /** The reassembly queues (ip_defrag), made on first use with the namespace's ipfrag sysctls. */
    IpDefrag defrag() {
        if (defrag == null) {
            defrag = new IpDefrag(loop, first ->
                    icmp.error(first, IcmpPacket.TYPE_TIME_EXCEEDED, IcmpPacket.CODE_FRAG_REASSEMBLY, 0));
            defrag.timeoutSeconds(fragTimeSeconds);
            defrag.highThresh(fragHighThresh);
        }
        return defrag;
    }

    /** The reassembly counters (ip_defrag's IPSTATS_MIB_REASM*), null before the first fragment. */
    IpDefrag.Stats reassembly() {
        return defrag == null ? null : defrag.stats;
    }

    private void localDeliver(NetDevice dev, ByteBuf packet, long dstMac) {
        switch (Ipv4Packet.protocol(packet, packet.readerIndex())) {
            case IpProtocol.ICMP -> icmp.input(dev, packet);
            case IpProtocol.UDP -> udp.input(dev, packet);
            case IpProtocol.TCP -> tcp.input(dev, packet);
            default -> {
                counters().inUnknownProtos++; // ip_protocol_deliver_rcu: no handler, no InDelivers
                icmp.error(packet, IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.CODE_PROTOCOL_UNREACHABLE, 0);
                drop(dev, packet, DropReason.IP_NOPROTO);
                return;
            }
        }
        counters().inDelivers++; // ip_protocol_deliver_rcu counts after the handler
    }

    /** ip_forward ({@link IpForward}, made by the first packet forwarded: a container never forwards). */
    private void forward(NetDevice in, ByteBuf packet, int fragMax, Route cached) {
        IpForward f = forwarder;
        if (f == null) {
            forwarder = f = new IpForward(this);
        }
        f.forward(in, packet, fragMax, cached);
    }

    /** Packets the flow table forwarded in one step ({@link FlowTable}). */
    long flowOffloads() {
        return forwarder == null ? 0 : forwarder.offloads();
    }

    private RecentRoutes recentRoutes() {
        RecentRoutes r = recentRoutes;
        if (r == null) {
            r = recentRoutes = new RecentRoutes();
        }
        return r;
    }

    /** The cached route of a destination forwarded before, while nothing it depends on changed; else null. */
    private Route forwardRoute(int dst) {
        InputRouteCache c = inputRoutes;
        return c == null ? null : c.get(dst, ns.fib().generation(), ns.addressArray());
    }

    /** The FIB's route for a destination to forward to (neither local nor broadcast), remembered for the next packet. */
    Route lookupForward(int dst) {
        Fib fib = ns.fib();
        Route r = fib.lookup(dst);
        if (r != null && fib.lastLookupCacheable() && (dst >>> 24) != 127) {
            if (inputRoutes == null) {
                inputRoutes = new InputRouteCache();
            }
            inputRoutes.put(dst, r, fib.generation(), ns.addressArray());
        }
        return r;
    }

    /** ip_fragment's call of ip_do_fragment ({@link IpFragmenter#fragmentOut}), counted in this namespace's MIB. */
    void fragmentOut(ByteBuf packet, int mtu, boolean keepDf, java.util.function.Consumer<ByteBuf> out) {
        IpFragmenter.fragmentOut(counters(), packet, mtu, keepDf, out);
    }

    // ---- send -------------------------------------------------------------------------------

    /**
     * Sends a locally generated packet. {@code packet}'s readable bytes are the transport header
     * and payload; the IPv4 header is prepended here. Takes ownership.
     *
     * @throws SocketException ENETUNREACH when there is no route, EMSGSIZE when over the MTU with DF
     */
    @Override
    void output(ByteBuf packet, int src, int dst, int protocol, int ttl, boolean df) {
        output(packet, 0, src, dst, protocol, ttl, df ? PMTUDISC_DO : PMTUDISC_DONT);
    }

    /**
     * As {@code ip_append_data}/{@code __ip_make_skb} with the socket's IP_MTU_DISCOVER mode
     * {@code pmtudisc}: DF per the mode; a datagram over the route's MTU with DF fails with
     * EMSGSIZE carrying the MTU (ip_local_error's ee_info), one without DF leaves in fragments
     * after POST_ROUTING (ip_finish_output → ip_fragment).
     */
    @Override
    void output(ByteBuf packet, int tos, int src, int dst, int protocol, int ttl, int pmtudisc) {
        output(packet, tos, src, dst, protocol, ttl, pmtudisc, routeOutput(dst));
    }

    @Override
    void output(ByteBuf packet, int tos, int src, int dst, int protocol, int ttl, int pmtudisc, Route r) {
        int len = packet.readableBytes() + Ipv4Packet.MIN_HEADER_LENGTH;
        int segs = Frames.gsoSegs(packet);
        // A GSO packet must fit the MTU segment by segment (its transport header plus gso_size).
        int fitLen = segs > 1 ? Ipv4Packet.MIN_HEADER_LENGTH + TcpSegment.headerLength(packet, packet.readerIndex()) + Frames.gsoSize(packet) : len;
        boolean local = recentRoutes().isLocalRoute(r);
        NetDevice out = r == null ? null : r.dev();
        if (out == null || !out.isUp()) {
            throw noRoute(packet);
        }
        int mtu = pmtu.mtu(dst, out.mtu(), loop.nanos());
        boolean df = pmtudisc == PMTUDISC_DO || (pmtudisc == PMTUDISC_WANT && fitLen <= mtu);
        if (fitLen > mtu && df) {
            throw tooBig(packet, mtu);
        }
        int at = Frames.prepend(packet, Ipv4Packet.MIN_HEADER_LENGTH);
        Ipv4Packet.write(packet, at, tos, len, nextIdent & 0xFFFF, df ? Ipv4Packet.FLAG_DF : 0, ttl, protocol, src, dst);
        nextIdent += segs; // ip_select_ident_segs: a GSO packet's segments take consecutive IDs
        counters().sent(len);
        if (protocol == IpProtocol.ICMP) {
            icmpOut(packet, at);
        }
        probe().route(null, packet, dst, out, r.nextHop(dst), local);
        NfHooks nf = ns.nfHooks();
        if (nf != null) {
            hookedOutput(nf, packet, dst, local, r, out);
            return;
        }
        send(packet, dst, local, r, out, mtu);
    }

    /**
     * ip_route_output's ENETUNREACH, counted as udp_sendmsg, ping_v4_sendmsg, tcp_v4_connect count it. Out of line with
     * the other rare branches: inline, they took output past FreqInlineSize (325 bytecodes) and out of Udp.send's code.
     */
    private SocketException noRoute(ByteBuf packet) {
        packet.release();
        counters().outNoRoutes++;
        return new SocketException(SocketError.ENETUNREACH);
    }

    /** ip_local_error's EMSGSIZE with the path MTU for a datagram over it with DF. */
    private static SocketException tooBig(ByteBuf packet, int mtu) {
        packet.release();
        return new SocketException(SocketError.EMSGSIZE, mtu);
    }

    /** __ip_make_skb's icmp_out_count for the ICMP message whose IP header is at {@code at}. */
    private void icmpOut(ByteBuf packet, int at) {
        icmp.mib().outType(packet.getUnsignedByte(at + Ipv4Packet.MIN_HEADER_LENGTH));
    }

    /**
     * The last step of a local send: loopback, link broadcast, or the neighbour layer towards the
     * next hop; in fragments when it does not fit the device's path MTU {@code mtu}.
     */
    private void send(ByteBuf packet, int dst, boolean local, Route r, NetDevice out, int mtu) {
        if (packet.readableBytes() > mtu && !(Frames.isGso(packet) && Gso.networkSegmentLength(packet, packet.readerIndex()) <= mtu)) {
            fragmentOut(packet, mtu, false, f -> sendWhole(f, dst, local, r, out));
            return;
        }
        // sendWhole's common case inline: one JIT inlining level less between a socket's send and
        // the driver's transmit, whose header accessors sat at C2's MaxInlineLevel (15).
        if (local || out.type() == LinkType.LOOPBACK || ns.isBroadcast(dst)) {
            sendWhole(packet, dst, local, r, out);
        } else {
            ns.neighbours().output(out, r.nextHop(dst), packet);
        }
    }

    private void sendWhole(ByteBuf packet, int dst, boolean local, Route r, NetDevice out) {
        if (local || out.type() == LinkType.LOOPBACK) {
            transmit(ns.lo(), 0L, packet);
        } else if (ns.isBroadcast(dst)) {
            counters().outBcast(packet.readableBytes());
            transmit(out, MacAddress.BROADCAST.bits(), packet);
        } else {
            ns.neighbours().output(out, r.nextHop(dst), packet);
        }
    }

    /**
     * The output route towards {@code dst} (ip_route_output_key): the local table's route through
     * lo for a local address, else the FIB's; null without one. A sender looks it up once and
     * picks its source address ({@link #sourceAddress}) and checksum mode from it, then sends by it.
     * The last destination's answer is remembered ({@link RecentRoutes}).
     */
    @Override
    Route routeOutput(int dst) {
        return recentRoutes().output(ns, dst);
    }

    /**
     * __ip_append_data's choice of CHECKSUM_PARTIAL: the route's device completes checksums
     * (NETIF_F_HW_CSUM) and the datagram of {@code transportLength} bytes fits the path MTU.
     */
    @Override
    boolean checksumOffload(Route r, int dst, int transportLength) {
        NetDevice out = r.dev();
        return (out.features() & NetdevFeatures.HW_CSUM) != 0
                && transportLength + Ipv4Packet.MIN_HEADER_LENGTH <= pmtu.mtu(dst, out.mtu(), loop.nanos());
    }

    @Override
    int routeMtu(int dst) {
        if (ns.isLocal(dst)) {
            return ns.lo().mtu();
        }
        Route r = ns.fib().lookup(dst);
        return r == null ? 0 : r.dev().mtu();
    }

    @Override
    void pmtuLearned(int dst, int mtu) {
        int dev = routeMtu(dst);
        if (dev > 0) {
            pmtu.update(dst, mtu, dev, loop.nanos());
        }
    }

    /**
     * The rest of {@link #output} when netfilter hooks are registered: NF_INET_LOCAL_OUT, a new
     * route when DNAT changed the destination (ip_route_me_harder), NF_INET_POST_ROUTING. A drop
     * is EPERM to the sender, as ip_local_out reports NF_DROP.
     */
    private void hookedOutput(NfHooks nf, ByteBuf packet, int dst, boolean local, Route r, NetDevice out) {
        if (!nf.localOut(out, packet)) {
            throw new SocketException(SocketError.EPERM);
        }
        int newDst = Ipv4Packet.dst(packet, packet.readerIndex());
        if (newDst != dst) {
            dst = newDst;
            r = routeOutput(dst);
            local = recentRoutes().isLocalRoute(r);
            out = r == null ? null : r.dev();
            if (out == null || !out.isUp()) {
                packet.release();
                throw new SocketException(SocketError.ENETUNREACH);
            }
        }
        if (!nf.postRouting(null, out, packet)) {
            throw new SocketException(SocketError.EPERM);
        }
        if (tunnelSending != null) {
            tunnelSending.hooked(nf.localFlow(packet));
        }
        send(packet, dst, local, r, out, pmtu.mtu(dst, out.mtu(), loop.nanos()));
    }

    /**
     * Sends a packet netfilter made (a REJECT's TCP reset): {@code packet}'s readable bytes are the
     * transport header and payload, sent from {@code src} like any kernel packet (it passes
     * LOCAL_OUT and POST_ROUTING); a routing failure drops it silently. Takes ownership.
     */
    public void sendFromKernel(ByteBuf packet, int src, int dst, int protocol) {
        try {
            output(packet, src, dst, protocol, defaultTtl, true);
        } catch (SocketException e) {
            // no route back: nothing to report to
        }
    }

    /**
     * Sends an ICMP error about {@code offending} (reader index at its IPv4 header) as icmp_send
     * does, for netfilter's REJECT. Does not take ownership.
     */
    public void sendIcmpError(ByteBuf offending, int type, int code) {
        icmp.error(offending, type, code, 0);
    }

    @Override
    void icmpSend(ByteBuf offending, int type, int code, int info) {
        icmp.error(offending, type, code, info);
    }

    /** The source address the kernel picks towards {@code dst} (inet_select_addr), or 0. */
    @Override
    public int sourceAddressFor(int dst) {
        return sourceAddress(routeOutput(dst), dst);
    }

    /** The source address the kernel picks towards {@code dst} by route {@code r} (fib_result_prefsrc, inet_select_addr), or 0. */
    @Override
    int sourceAddress(Route r, int dst) {
        if (r == null) {
            return 0;
        }
        if (recentRoutes().isLocalRoute(r)) {
            return dst;
        }
        return SourceAddress.select(r, dst, ns.addressArray(), ns.lo());
    }

    // ---- UdpTunnel ----------------------------------------------------------------------------

    @Override
    public boolean open(int port, UdpTunnel.Receiver receiver) {
        return udp.openTunnel(port, receiver);
    }

    @Override
    public void close(int port) {
        udp.closeTunnel(port);
    }

    @Override
    public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        try {
            output(datagram, tos, src, dst, IpProtocol.UDP, ttl, df ? PMTUDISC_DO : PMTUDISC_DONT);
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    /** A VXLAN remote's output, resolved once ({@link TunnelDst}). */
    @Override
    public UdpTunnel.DstCache dstCache() {
        return new TunnelDst(this);
    }

    /** The next identification of a packet that is not GSO (ip_select_ident), for {@link TunnelDst}. */
    int takeIdent() {
        return nextIdent++ & 0xFFFF;
    }

    // ---- NeighbourTable.Io ------------------------------------------------------------------

    /** Prepends the Ethernet header to an IP packet and sends it out of {@code dev}. */
    @Override
    public void transmit(NetDevice dev, long mac, ByteBuf packet) {
        ByteBuf frame = Frames.ensureHeadroom(packet, EthernetFrame.HEADER_LENGTH);
        int at = Frames.prepend(frame, EthernetFrame.HEADER_LENGTH);
        EthernetFrame.write(frame, at, mac, dev.mac(), EtherType.IPV4);
        dev.transmit(frame);
    }

    @Override
    public void solicit(NetDevice dev, int targetIp, long targetMac) {
        arp.request(dev, targetIp, targetMac);
    }

    @Override
    public void unreachable(NetDevice dev, ByteBuf packet) {
        icmp.error(packet, IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.CODE_HOST_UNREACHABLE, 0);
        drop(dev, packet, DropReason.NEIGH_FAILED);
    }

    // ---- sockets ----------------------------------------------------------------------------

    /** The TCP then the UDP sockets, as /proc/net/tcp and /proc/net/udp list them. */
    public java.util.List<SocketEntry> sockets() {
        java.util.List<SocketEntry> out = new java.util.ArrayList<>();
        tcp.sockets(out);
        udp.sockets(out);
        return out;
    }

    @Override
    public UdpSocket openUdp() {
        return new UdpSocketImpl(udp);
    }

    /**
     * ping_init_sock (net/ipv4/ping.c): the caller's group must lie in {@code net.ipv4.ping_group_range};
     * every process here runs as root, group 0.
     */
    @Override
    public PingSocket openPing() {
        String[] range = ns.sysctl("net.ipv4.ping_group_range").trim().split("\\s+");
        if (Long.parseLong(range[0]) > 0 || Long.parseLong(range[1]) < 0) {
            throw new SocketException(SocketError.EACCES);
        }
        return icmp.openPing();
    }

    /** A raw ICMP socket: its echo requests and replies travel as a ping socket's (inet_create checked the caller's CAP_NET_RAW). */
    @Override
    public PingSocket openRawIcmp() {
        return icmp.openPing();
    }

    @Override
    public TcpSocket openTcp() {
        return new TcpConnection(tcp);
    }

    @Override
    public TcpListener listenTcp(int addr, int port, int backlog) {
        return tcp.listen(addr, port, backlog, false);
    }

    @Override
    public TcpListener listenTcp6(int port, int backlog) {
        return tcp.listen(0, port, backlog, true);
    }

    /** Closes every socket (namespace deleted). */
    public void closeAll() {
        udp.closeAll();
        tcp.closeAll();
        icmp.closeAll();
        if (defrag != null) {
            defrag.clear();
        }
    }

    /** kfree_skb_reason: the tracepoint, then the frame is freed. */
    void drop(NetDevice dev, ByteBuf frame, DropReason reason) {
        probe().drop(dev, frame, reason);
        frame.release();
    }
}
