package dev.dockwire.bench;

import dev.dockwire.cli.ProductionJvm;
import dev.dockwire.link.Backlog;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.link.Veth;
import dev.dockwire.link.Vxlan;
import dev.dockwire.link.VxlanSock;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What VXLAN encapsulation and decapsulation cost per frame, in nanoseconds: a 60-byte UDP frame
 * sent on a VXLAN device ({@code vxlan}: FDB lookup, flow-hash source port, VXLAN and UDP headers
 * pushed into the headroom) whose tunnel hands the datagram straight to the peer device's socket
 * (VNI demux, header check, decap, receive), against the same frame over a veth pair
 * ({@code veth}) as the device baseline; the difference is encap + decap without the underlay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 2, jvmArgsAppend = {ProductionJvm.LEAK_DETECTION, ProductionJvm.CHECK_ACCESSIBLE})
public class VxlanEncapBench {
    private static final long MAC_A = 0x02_42_0a_00_01_02L;
    private static final long MAC_B = 0x02_42_0a_00_01_03L;
    private static final int VTEP_A = 0xC0A8010B;
    private static final int VTEP_B = 0xC0A8010C;

    @Param({"vxlan", "veth"})
    public String device;

    private final EventLoop loop = new EventLoop();
    private final Backlog backlog = new Backlog();
    private final ByteBuf template = Unpooled.directBuffer(60);
    private NetDevice tx;
    public long received;

    /** A UDP tunnel whose datagrams arrive at once at its peer's receiver: no IPv4, no underlay. */
    private static final class Wire implements UdpTunnel {
        private Receiver receiver;
        private Wire peer;

        @Override
        public boolean open(int port, Receiver r) {
            receiver = r;
            return true;
        }

        @Override
        public void close(int port) {
            receiver = null;
        }

        @Override
        public int sourceAddressFor(int dst) {
            return 0;
        }

        @Override
        public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
            peer.receiver.encapRcv(datagram, src, datagram.readerIndex() + UdpPacket.HEADER_LENGTH, datagram.writerIndex());
            return true;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        loop.addAgent(backlog);
        template.writeZero(60);
        EthernetFrame eth = new EthernetFrame().wrap(template, 0).dst(MAC_B).src(MAC_A).etherType(EtherType.IPV4);
        Ipv4Packet ip = new Ipv4Packet().wrap(template, eth.payloadOffset())
                .set(0, 46, 1, Ipv4Packet.FLAG_DF, 64, IpProtocol.UDP, 0x0A000102, 0x0A000103).fillChecksum();
        new UdpPacket().wrap(template, ip.payloadOffset()).set(40000, 9, 26);
        NetDevice rx;
        if (device.equals("vxlan")) {
            Wire w1 = new Wire();
            Wire w2 = new Wire();
            w1.peer = w2;
            w2.peer = w1;
            Vxlan a = new Vxlan(backlog, w1, "vxa", 1, MAC_A + 0x100, 4097, VTEP_A, 4789, false, false, 1);
            Vxlan b = new Vxlan(backlog, w2, "vxb", 2, MAC_B + 0x100, 4097, VTEP_B, 4789, false, false, 2);
            VxlanSock.open(w1, 4789).add(a);
            VxlanSock.open(w2, 4789).add(b);
            a.fdb().append(MAC_B, VTEP_B);
            tx = a;
            rx = b;
        } else {
            Veth a = Veth.createPair(backlog, "va", 1, MAC_A, "vb", 2, MAC_B);
            tx = a;
            rx = a.peer();
        }
        tx.setUp(true);
        rx.setUp(true);
        rx.rxHandler((dev, frame) -> {
            received++;
            frame.release();
        });
    }

    @Benchmark
    public void frame() {
        ByteBuf f = Frames.allocate(60);
        f.writeBytes(template, 0, 60);
        tx.transmit(f);
        loop.drain();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (received == 0) {
            throw new IllegalStateException("no frame arrived on the " + device + " path");
        }
        template.release();
    }
}
