package dev.dockwire.bench;

import dev.dockwire.cli.ProductionJvm;
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
 * 60-byte UDP frames container to container, one thread, in frames per second, batches of
 * {@link BridgedUdpBench#BATCH} as the kernel baseline's {@code sendmmsg}: {@code overlay} across
 * two emulated hosts ({@link OverlayUdpPath}: VXLAN encapsulation, the underlay, decapsulation);
 * {@code bridged}, two containers on one bridge ({@link BridgedUdpPath}), run beside it so that the
 * difference of their per-frame times is what the overlay adds; {@code macvlan}, two bridge-mode
 * macvlan siblings ({@link MacvlanUdpPath}, the kernel baseline's macvlan path); {@code overlay-dockerd}
 * (not run by default: {@code -p path=overlay-dockerd}), the overlay with dockerd's start rules on both hosts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 2, jvmArgsAppend = {ProductionJvm.LEAK_DETECTION, ProductionJvm.CHECK_ACCESSIBLE})
public class UdpPathBench {
    @Param({"overlay", "bridged", "macvlan"})
    public String path;

    private UdpPath udp;

    @Setup(Level.Trial)
    public void setUp() {
        udp = switch (path) {
            case "overlay" -> new OverlayUdpPath();
            case "overlay-dockerd" -> new OverlayUdpPath(true); // -p path=overlay-dockerd: dockerd's rules on both hosts
            case "bridged" -> new BridgedUdpPath();
            case "macvlan" -> new MacvlanUdpPath();
            default -> throw new IllegalArgumentException("path " + path + ": overlay, overlay-dockerd, bridged or macvlan");
        };
    }

    @Benchmark
    @OperationsPerInvocation(BridgedUdpBench.BATCH)
    public void frame() {
        udp.sendBatch(BridgedUdpBench.BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        udp.close();
    }
}
