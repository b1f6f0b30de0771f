package dev.dockwire.bench;

import dev.dockwire.cli.ProductionJvm;
import dev.dockwire.app.dns.EmbeddedResolver;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.run.World;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsType;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Docker's embedded DNS answering a local name: one A query over UDP from a container to
 * 127.0.0.11 and the reply back, through the container's loopback, per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 2, jvmArgsAppend = {ProductionJvm.LEAK_DETECTION, ProductionJvm.CHECK_ACCESSIBLE})
public class ResolverBench {
    private World world;
    private UdpSocket client;
    private ByteBuf query;
    private long replies;

    @Setup(Level.Trial)
    public void setUp() {
        world = new World(1, EngineProfile.DOCKER_28);
        world.host().run("docker network create mynet");
        world.host().run("docker run -d --name web --network mynet alpine sleep 3600");
        world.host().run("docker run -d --name client --network mynet alpine sleep 3600");
        String ns = world.engine().container("client").netns();
        client = world.hostKernel().sockets(ns).openUdp();
        client.onReceive((s, src, port, data) -> replies++);
        DnsMessage q = DnsMessage.query(4242, "web", DnsType.A, DnsHeader.FLAG_RD, null);
        query = Unpooled.buffer(q.length());
        query.writerIndex(q.emit(query, 0));
    }

    @Benchmark
    public long query() {
        client.send(EmbeddedResolver.ADDRESS, 53, query);
        world.emulation().loop().drain();
        return replies;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        query.release();
        world.close();
    }
}
