package dev.dockwire.bench;

import dev.dockwire.cli.ProductionJvm;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An established NAT flow through router namespace {@link NatUdpPath}: {@code frame} sends
 * 60-byte UDP frames from a connected socket in {@code a} through the router (conntrack hit, DNAT
 * or MASQUERADE, filter FORWARD, forward) to {@code c}, over veth legs (like the kernel baseline)
 * or veth+bridge legs, ending in a raw PREROUTING DROP (like the baseline) or a socket, in
 * batches of 64 like the kernel baseline's sendmmsg (frames per second); {@code lookupAndRewrite}
 * is the router's PRE_ROUTING hook alone on a prepared packet: conntrack lookup and the
 * destination rewrite with incremental checksums (nanoseconds per packet; scripts/bench runs it
 * for one parameter set).
 */
@State(Scope.Thread)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {ProductionJvm.LEAK_DETECTION, ProductionJvm.CHECK_ACCESSIBLE})
public class NatBench {
    /** Frames per batch, like the kernel baseline's sendmmsg vector. */
    public static final int BATCH = 64;

    /** dnat: a published port (DNAT); masquerade: outbound NAT, as the kernel baseline measures. */
    @Param({"dnat", "masquerade"})
    public String mode;

    /** veth: each leg a veth pair, as the kernel baseline; bridge: veth+bridge+veth, as Docker's. */
    @Param({"veth", "bridge"})
    public String legs;

    /** drop: a raw PREROUTING DROP in the sink namespace, as the kernel baseline; socket: a UDP socket. */
    @Param({"drop", "socket"})
    public String sink;

    private NatUdpPath path;
    private Netfilter router;
    private NetDevice in;
    private ByteBuf template;
    private ByteBuf work;

    @Setup(Level.Trial)
    public void setUp() {
        path = new NatUdpPath(mode.equals("dnat") ? NatUdpPath.Mode.DNAT : NatUdpPath.Mode.MASQUERADE, legs.equals("bridge"),
                sink.equals("drop") ? NatUdpPath.Sink.DROP : NatUdpPath.Sink.SOCKET);
        router = path.router();
        in = path.routerIn();
        template = Frames.allocate(38);
        template.writerIndex(template.readerIndex() + 38);
        int at = template.readerIndex();
        new Ipv4Packet().wrap(template, at).set(0, 38, 1, Ipv4Packet.FLAG_DF, 64, IpProtocol.UDP,
                TestNet.ip("10.0.0.2"), TestNet.ip("10.0.0.1")).fillChecksum();
        new UdpPacket().wrap(template, at + 20).set(40000, 9, 18).fillChecksum(TestNet.ip("10.0.0.2"), TestNet.ip("10.0.0.1"));
        work = Frames.allocate(38);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void frame() {
        path.sendBatch(BATCH);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean lookupAndRewrite() {
        ByteBuf w = work;
        w.setIndex(Frames.HEADROOM, Frames.HEADROOM + 38);
        w.setBytes(Frames.HEADROOM, template, template.readerIndex(), 38);
        return router.preRouting(in, w);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        template.release();
        work.release();
        path.close();
    }
}
