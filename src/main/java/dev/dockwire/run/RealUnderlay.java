package dev.dockwire.run;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.kernel.CaptureSink.Direction;
import dev.dockwire.link.Frames;
import dev.dockwire.link.Gso;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.linux.RealDatagramPort;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The underlay of an emulated host whose VTEP talks to VTEPs outside this process: the
 * {@link UdpTunnel} its vxlan devices use instead of the host namespace's stack. What a device
 * encapsulates (UDP header + VXLAN header + inner frame) leaves as the payload of a real UDP
 * datagram from one real port; the VXLAN port of the peer is the real port its underlay address
 * names ({@link Peer}), so several processes on one machine can each hold "port 4789". A real
 * datagram's payload is handed to the vxlan socket's decap path as if the host's stack had
 * received it on the VXLAN port ({@code encap_rcv}), from the peer's emulated VTEP address.
 *
 * <p>A datagram without VXLAN's I flag (RFC 7348 §5: it must be set) is not VXLAN: it goes to
 * {@link #others}' receiver ({@link LineBarrier}'s announcements between the processes), sent by
 * {@link #sendOther}, and is not counted as VXLAN.
 *
 * <p>With a capture file, every datagram is also written as the kernel shows it on the real
 * interface: Ethernet (zero MACs, as on {@code lo}) + IPv4 + UDP between the real addresses, with
 * the VXLAN bytes unchanged, so the file and a real {@code tcpdump} agree on them.
 */
public final class RealUnderlay implements UdpTunnel, AutoCloseable {
    /** Where a peer's emulated VTEP address {@code vtep} is reached for real: {@code ip:port}. */
    public record Peer(int vtep, int ip, int port) {
    }

    /** VXLAN's I flag, in the header's first byte: a valid VNI follows. */
    private static final int VXLAN_FLAG_I = 0x08;
    private static final int OUTER = EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH + UdpPacket.HEADER_LENGTH;

    private final EventLoop loop;
    private final int localVtep;
    private final int tunnelPort;
    private final IntObjectHashMap<Peer> byVtep = new IntObjectHashMap<>();
    private final Map<Long, Peer> byReal = new HashMap<>();
    private final RealDatagramPort port;
    private final IntObjectHashMap<Receiver> receivers = new IntObjectHashMap<>(2);
    private final EthernetFrame eth = new EthernetFrame();
    private final Ipv4Packet ip = new Ipv4Packet();
    private final UdpPacket udp = new UdpPacket();
    private RealDatagramPort.Receiver others;
    private long othersSent;
    private long othersReceived;
    private CaptureFile capture;
    private int captureIface;
    private int ident;
    private long dropped;

    /**
     * Binds the real {@code bindIp:bindPort} in namespace {@code netns} (null: this process's)
     * for the host whose VTEP address is {@code localVtep}; the devices' VXLAN port is
     * {@code tunnelPort} (4789). Peers not listed are reached at their VTEP address itself, on the
     * destination port of the datagram (a VTEP on another machine).
     */
    public RealUnderlay(EventLoop loop, String netns, int bindIp, int bindPort, int localVtep, int tunnelPort,
                        Iterable<Peer> peers) {
        this.loop = loop;
        this.localVtep = localVtep;
        this.tunnelPort = tunnelPort;
        for (Peer p : peers) {
            byVtep.put(p.vtep(), p);
            byReal.put(key(p.ip(), p.port()), p);
        }
        this.port = RealDatagramPort.bind(netns, bindIp, bindPort, loop, this::received);
    }

    private static long key(int ip, int port) {
        return (Integer.toUnsignedLong(ip) << 16) | port;
    }

    /** Also writes every datagram to {@code file} as interface {@code name} (the real device's). */
    public void capture(CaptureFile file, String name) {
        this.capture = file;
        this.captureIface = file.addInterface(name, "real UDP underlay of an emulated VTEP");
    }

    public int localAddress() {
        return port.localAddress();
    }

    public int localPort() {
        return port.localPort();
    }

    /** Where datagrams that are not VXLAN go (on the loop's thread). */
    public void others(RealDatagramPort.Receiver receiver) {
        this.others = receiver;
    }

    /** Sends a datagram that is not VXLAN to the real address of the peer whose VTEP is {@code vtep}; takes {@code payload}. */
    public void sendOther(int vtep, ByteBuf payload) {
        Peer p = byVtep.get(vtep);
        int realIp = p != null ? p.ip() : vtep;
        int realPort = p != null ? p.port() : tunnelPort;
        if (capture != null) {
            record(payload, port.localAddress(), port.localPort(), realIp, realPort, Direction.OUTBOUND);
        }
        othersSent++;
        port.send(realIp, realPort, payload);
    }

    /** VXLAN datagrams sent and received for real, and those dropped (no vxlan socket open). */
    public long sent() {
        return port.sent() - othersSent;
    }

    public long received() {
        return port.received() - othersReceived;
    }

    public long dropped() {
        return dropped;
    }

    @Override
    public boolean open(int tunnel, Receiver receiver) {
        if (receivers.containsKey(tunnel)) {
            return false;
        }
        receivers.put(tunnel, receiver);
        return true;
    }

    @Override
    public void close(int tunnel) {
        receivers.remove(tunnel);
    }

    @Override
    public int sourceAddressFor(int dst) {
        return localVtep;
    }

    @Override
    public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        int dstPort = datagram.getUnsignedShort(datagram.readerIndex() + 2);
        Peer p = byVtep.get(dst);
        int realIp = p != null ? p.ip() : dst;
        int realPort = p != null ? p.port() : dstPort;
        // The physical NIC completes an inner CHECKSUM_PARTIAL sum (tx-checksumming with encapsulation):
        // the datagram leaves this machine whole.
        Gso.checksumHelp(datagram);
        datagram.skipBytes(UdpPacket.HEADER_LENGTH);
        if (capture != null) {
            record(datagram, port.localAddress(), port.localPort(), realIp, realPort, Direction.OUTBOUND);
        }
        port.send(realIp, realPort, datagram);
        return true;
    }

    /** A real datagram: its payload goes to the VXLAN port's receiver, from the sender's VTEP address. */
    private void received(int srcIp, int srcPort, ByteBuf payload) {
        Receiver r = receivers.get(tunnelPort);
        if (capture != null) {
            record(payload, srcIp, srcPort, port.localAddress(), port.localPort(), Direction.INBOUND);
        }
        if (payload.isReadable() && (payload.getByte(payload.readerIndex()) & VXLAN_FLAG_I) == 0) {
            othersReceived++;
            if (others != null) {
                others.onDatagram(srcIp, srcPort, payload);
            }
            return;
        }
        if (r == null) {
            dropped++;
            return;
        }
        Peer p = byReal.get(key(srcIp, srcPort));
        int n = payload.readableBytes();
        ByteBuf packet = Frames.allocate(n);
        packet.writeBytes(payload, payload.readerIndex(), n);
        r.encapRcv(packet, p != null ? p.vtep() : srcIp, packet.readerIndex(), packet.writerIndex());
    }

    /** Writes {@code payload} inside the outer headers the real interface carries. */
    private void record(ByteBuf payload, int srcIp, int srcPort, int dstIp, int dstPort, Direction direction) {
        int n = payload.readableBytes();
        ByteBuf f = Frames.allocate(OUTER + n);
        try {
            f.writerIndex(f.readerIndex() + OUTER);
            f.writeBytes(payload, payload.readerIndex(), n);
            int at = f.readerIndex();
            eth.wrap(f, at).dst(0).src(0).etherType(EtherType.IPV4);
            // The kernel's UDP socket: DF from IP_PMTUDISC_WANT on a path below the MTU, TTL 64.
            ip.wrap(f, eth.payloadOffset())
                    .set(0, Ipv4Packet.MIN_HEADER_LENGTH + UdpPacket.HEADER_LENGTH + n, ident++ & 0xFFFF,
                            Ipv4Packet.FLAG_DF, 64, IpProtocol.UDP, srcIp, dstIp)
                    .fillChecksum();
            udp.wrap(f, ip.payloadOffset()).set(srcPort, dstPort, UdpPacket.HEADER_LENGTH + n).checksum(0);
            capture.write(captureIface, loop.nanos(), f, direction);
        } finally {
            f.release();
        }
    }

    @Override
    public void close() {
        port.close();
    }
}
