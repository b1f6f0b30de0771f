package dev.dockwire.link;

import dev.dockwire.wire.ArpPacket;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.MacAddress;
import dev.dockwire.wire.UdpPacket;
import dev.dockwire.wire.VxlanHeader;
import io.netty.buffer.ByteBuf;

/**
 * A VXLAN device ({@code ip link add NAME type vxlan id VNI dstport 4789 [local A] [nolearning]
 * [proxy]}), after drivers/net/vxlan: a transmitted Ethernet frame is looked up by destination
 * MAC in the device's own {@link VxlanFdb} and sent to each remote VTEP as outer IPv4 + UDP +
 * VXLAN header (RFC 7348 section 5) through the {@link UdpTunnel} of the namespace the device
 * was created in; a received datagram for this VNI is stripped and the inner frame received on
 * the device (then its bridge). Headers are prepended in the frame's headroom: nothing is copied.
 * Each remote VTEP's outer route and neighbour are kept in the tunnel's {@link UdpTunnel.DstCache}
 * (vxlan_rdst's dst_cache), so a flow's frames skip the route and neighbour lookups.
 *
 * <p>As {@code vxlan_xmit_one} does by default: DF clear (df unset), TTL 64 (the route's
 * hop limit), TOS 0, UDP checksum 0 ({@code udpcsum} off), and the UDP source port from the
 * inner flow's hash scaled into {@code ip_local_port_range} (32768–60999) like
 * {@code udp_flow_src_port}, so one flow keeps one port and ECMP can spread flows. With
 * {@code proxy} an ARP request is answered from the namespace's neighbour table
 * ({@code arp_reduce}) and never sent; without an entry it is dropped.
 */
public final class Vxlan extends NetDevice {
    /** Outer Ethernet, IPv4, UDP and VXLAN: what encapsulation prepends (50 bytes). */
    public static final int OVERHEAD = VxlanHeader.encapsulatedOverhead();
    /** inet_get_local_port_range's default, which vxlan uses when no {@code srcport} is given. */
    public static final int PORT_MIN = 32768;
    public static final int PORT_MAX = 60999;
    private static final int TTL = 64;
    /** The flags-and-offset word's MF bit and fragment offset (RFC 791): a fragment's ports are not hashed. */
    private static final int IP_MF_OFFSET = 0x3FFF;
    /** Slots of {@link #dstCaches}: 8, a sandbox's VTEPs are few (one per other host of the overlay). */
    private static final int DST_CACHE_BITS = 3;

    /** How the device finds a neighbour entry of the namespace it is in (arp_tbl), 0 when there is none. */
    @FunctionalInterface
    public interface Neighbours {
        long permanentOrReachable(NetDevice dev, int ip);
    }

    private final Backlog backlog;
    private final int vni;
    private final int local;
    private final int dstPort;
    private final boolean learning;
    private final boolean proxy;
    private final int hashSeed;
    private final VxlanFdb fdb = new VxlanFdb();
    private final UdpTunnel tunnel;
    private Neighbours neighbours = (dev, ip) -> 0L;
    private final EthernetFrame eth = new EthernetFrame();
    private final ArpPacket arp = new ArpPacket();
    /**
     * The last IPv4 flow's hash inputs (source, destination, and protocol with the ports when they
     * were hashed, {@link #flowKey}) and its source port: a flow sends frame after frame, and its port
     * is a function of them, as the kernel computes skb->hash once and keeps it. Ints only: a miss
     * stores no reference.
     */
    private int flowSrc;
    private int flowDst;
    private long flowL4 = -1;
    private int flowPort;
    /**
     * The tunnel's caches of the remote VTEPs sent to ({@code vxlan_rdst}'s dst_cache), direct-mapped
     * by address ({@link #dstCache}); made by the first encapsulation, null with a tunnel that keeps none.
     */
    private UdpTunnel.DstCache[] dstCaches;

    /**
     * A device on {@code tunnel} (the creating namespace's stack) with {@code hashSeed} for the
     * flow hash (the kernel's random hashrnd, here from the seeded source). MTU 1450: 1500 less
     * the 50 bytes of encapsulation, as vxlan_config_apply sets it without a lower device.
     */
    public Vxlan(Backlog backlog, UdpTunnel tunnel, String name, int ifindex, long mac, int vni, int local,
                 int dstPort, boolean learning, boolean proxy, int hashSeed) {
        super(name, ifindex, mac, ETH_DATA_LEN - OVERHEAD);
        if (vni < 0 || vni > VxlanHeader.VNI_MAX) {
            throw new IllegalArgumentException("Error: argument \"" + vni + "\" is wrong: invalid id");
        }
        this.backlog = backlog;
        this.tunnel = tunnel;
        this.vni = vni;
        this.local = local;
        this.dstPort = dstPort;
        this.learning = learning;
        this.proxy = proxy;
        this.hashSeed = hashSeed;
    }

    @Override
    public LinkType type() {
        return LinkType.VXLAN;
    }

    public int vni() {
        return vni;
    }

    public int local() {
        return local;
    }

    public int dstPort() {
        return dstPort;
    }

    public boolean learning() {
        return learning;
    }

    public boolean proxy() {
        return proxy;
    }

    public VxlanFdb fdb() {
        return fdb;
    }

    /** The UDP socket the device sends and receives through (in the namespace it was created in). */
    public UdpTunnel tunnel() {
        return tunnel;
    }

    /** Set by the namespace the device is in: where {@code proxy} looks up neighbours. */
    public void neighbours(Neighbours lookup) {
        this.neighbours = lookup == null ? (dev, a) -> 0L : lookup;
    }

    // The per-frame methods read and write headers through the codecs' static accessors, not by
    // pointing this device's flyweights at each frame: a reference store into a long-lived object
    // costs G1 a card-mark fence, and encap + decap pointed eight of them per frame.

    @Override
    protected void xmit(ByteBuf frame) {
        int at = frame.readerIndex();
        if (frame.writerIndex() - at < EthernetFrame.HEADER_LENGTH) {
            stats().txDropped++;
            frame.release();
            return;
        }
        if (proxy && EthernetFrame.etherType(frame, at) == EtherType.ARP) {
            eth.wrap(frame, at);
            arpReduce(frame);
            return;
        }
        VxlanFdb.Entry e = fdb.lookup(EthernetFrame.dst(frame, at));
        if (e == null) {
            stats().txDropped++; // vxlan_xmit: no entry and no default destination
            probe().drop(this, frame, DropReason.VXLAN_NO_REMOTE);
            frame.release();
            return;
        }
        countTx(frame);
        int[] remotes = e.remotes();
        for (int i = 0; i < remotes.length - 1; i++) {
            encap(Frames.copy(frame), remotes[i]);
        }
        encap(frame, remotes[remotes.length - 1]);
    }

    /** vxlan_xmit_one: prepends VXLAN and UDP headers; the tunnel adds IPv4 and Ethernet. */
    private void encap(ByteBuf frame, int remote) {
        int srcPort = flowSourcePort(frame);
        int src = local != 0 ? local : tunnel.sourceAddressFor(remote);
        probe().vxlanEncap(this, frame, vni, src, remote);
        frame = Frames.ensureHeadroom(frame, OVERHEAD);
        int len = frame.readableBytes() + UdpPacket.HEADER_LENGTH + VxlanHeader.HEADER_LENGTH;
        // Source and destination port, length and a zero checksum (udpcsum off), then the VXLAN
        // header: two words written straight into the array, not through Netty's checked setInt.
        VxlanHeader.writeWithUdp(frame, Frames.prepend(frame, UdpPacket.HEADER_LENGTH + VxlanHeader.HEADER_LENGTH),
                srcPort, dstPort, len, vni);
        UdpTunnel.DstCache cache = dstCache(remote);
        boolean sent = cache != null ? cache.xmit(frame, src, remote, 0, TTL, false) : tunnel.xmit(frame, src, remote, 0, TTL, false);
        if (!sent) {
            stats().txDropped++;
        }
    }

    /** The tunnel's cache for {@code remote} (shared with the remotes of its slot), or null. */
    private UdpTunnel.DstCache dstCache(int remote) {
        UdpTunnel.DstCache[] caches = dstCaches;
        int slot = (remote * 0x9E37_79B9) >>> (32 - DST_CACHE_BITS);
        if (caches == null) {
            dstCaches = caches = new UdpTunnel.DstCache[1 << DST_CACHE_BITS];
        }
        UdpTunnel.DstCache c = caches[slot];
        if (c == null) {
            caches[slot] = c = tunnel.dstCache();
        }
        return c;
    }

    /**
     * udp_flow_src_port: the inner flow's hash (IPv4 addresses, protocol and ports, else the
     * Ethernet header), folded ({@code hash ^= hash << 16}) and scaled into the port range.
     */
    int flowSourcePort(ByteBuf frame) {
        // Reads the few fields through the static accessors (straight from the frame's array): this
        // runs per frame. The hash is computed on a miss only, in methods of their own, so this one
        // stays small enough for the JIT to inline into the transmit path (FreqInlineSize).
        int at = frame.readerIndex();
        int len = frame.writerIndex() - at;
        int ipAt = at + EthernetFrame.HEADER_LENGTH;
        int first = len >= EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH
                && EthernetFrame.etherType(frame, at) == EtherType.IPV4 ? Ipv4Packet.firstWord(frame, ipAt) : 0;
        int verIhl = first >>> 24;
        int ihl = (verIhl & 0xF) * 4;
        int total = first & 0xFFFF;
        if ((verIhl >>> 4) != 4 || ihl < Ipv4Packet.MIN_HEADER_LENGTH || total < ihl
                || total > len - EthernetFrame.HEADER_LENGTH) {
            return ethernetPort(frame, at);
        }
        int p = Ipv4Packet.protocol(frame, ipAt);
        int src = Ipv4Packet.src(frame, ipAt);
        int dst = Ipv4Packet.dst(frame, ipAt);
        boolean ports = (p == IpProtocol.UDP || p == IpProtocol.TCP)
                && (Ipv4Packet.flagsFrag(frame, ipAt) & IP_MF_OFFSET) == 0
                && total >= ihl + 4;
        // Both ports, source in the high half (UDP's and TCP's first word alike).
        long l4 = flowKey(p, ports, ports ? UdpPacket.ports(frame, ipAt + ihl) : 0);
        if (l4 == flowL4 && src == flowSrc && dst == flowDst) {
            return flowPort;
        }
        return ipv4Port(src, dst, l4);
    }

    /** The port of an IPv4 flow not the last one's: hashed and remembered. */
    private int ipv4Port(int src, int dst, long l4) {
        int h = mix(hashSeed, src);
        h = mix(h, dst);
        h = mix(h, (int) (l4 >>> 33));
        if ((l4 & 1L << 32) != 0) {
            h = mix(h, (int) l4);
        }
        int port = scale(h);
        flowSrc = src;
        flowDst = dst;
        flowL4 = l4;
        flowPort = port;
        return port;
    }

    /** The port of a frame that is not IPv4: its Ethernet addresses and type hashed. */
    private int ethernetPort(ByteBuf frame, int at) {
        int h = mix(hashSeed, (int) (eth.wrap(frame, at).dst() >>> 16));
        h = mix(h, (int) eth.src());
        h = mix(h, eth.etherType());
        return scale(h);
    }

    /** The protocol, whether the ports were hashed and the ports as one key (never negative). */
    private static long flowKey(int protocol, boolean ports, int both) {
        return (long) protocol << 33 | (ports ? 1L << 32 : 0) | Integer.toUnsignedLong(both);
    }

    /** The hash finished, folded ({@code hash ^= hash << 16}) and scaled into the port range. */
    private static int scale(int h) {
        h = fmix(h);
        h ^= h << 16;
        return (int) (((h & 0xFFFF_FFFFL) * (PORT_MAX - PORT_MIN)) >>> 32) + PORT_MIN;
    }

    private static int mix(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        h ^= k;
        return Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * arp_reduce: a request for an address the neighbour table knows is answered as if the owner
     * had (Ethernet and ARP sender = the neighbour's MAC), queued with netif_rx; the request is
     * consumed either way.
     */
    private void arpReduce(ByteBuf frame) {
        try {
            int off = eth.payloadOffset();
            if (!arp.wrapChecked(frame, off, frame.writerIndex() - off) || arp.operation() != ArpPacket.OP_REQUEST) {
                return;
            }
            int tip = arp.targetIp();
            if ((tip >>> 24) == 127 || (tip >>> 28) == 0xE) {
                return;
            }
            long ha = neighbours.permanentOrReachable(this, tip);
            if (ha == 0) {
                return;
            }
            long sha = arp.senderMac();
            int sip = arp.senderIp();
            int len = EthernetFrame.HEADER_LENGTH + ArpPacket.LENGTH;
            ByteBuf reply = Frames.allocate(len);
            reply.writerIndex(reply.readerIndex() + len);
            eth.wrap(reply, reply.readerIndex()).dst(sha).src(ha).etherType(EtherType.ARP);
            arp.wrap(reply, eth.payloadOffset()).set(ArpPacket.OP_REPLY, ha, tip, sha, sip);
            backlog.enqueue(this, reply);
        } finally {
            frame.release();
        }
    }

    /**
     * vxlan_rcv for a datagram the tunnel's socket demuxed to this VNI: {@code frame}'s readable
     * bytes are already the inner Ethernet frame. A frame from our own MAC is a loop and dropped;
     * with learning the source MAC is learned behind {@code remote}. Takes ownership.
     */
    void decap(ByteBuf frame, int remote) {
        int at = frame.readerIndex();
        long src = frame.writerIndex() - at < EthernetFrame.HEADER_LENGTH ? -1 : EthernetFrame.src(frame, at);
        if (src < 0 || src == mac() || MacAddress.isMulticast(src)) {
            stats().rxDropped++;
            frame.release();
            return;
        }
        if (learning) {
            fdb.learn(src, remote);
        }
        probe().vxlanDecap(this, frame, vni, remote);
        receive(frame);
    }
}
