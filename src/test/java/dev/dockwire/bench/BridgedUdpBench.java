package dev.dockwire.bench;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * 60-byte UDP frames from a socket in namespace A through veth → bridge → veth to a socket in
 * namespace B, one thread, in frames per second; with capture off, and with a pcapng capture of
 * the bridge written to a file (what {@code dockwire run} does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
public class BridgedUdpBench {
    @Param({"off", "on"})
    public String capture;

    private BridgedUdpPath path;
    private CaptureTap tap;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        path = new BridgedUdpPath();
        if (capture.equals("on")) {
            file = Files.createTempFile("dockwire-bench", ".pcapng");
            tap = Captures.bridge(PcapngWriter.create(file), path.net.loop(), path.bridge, PacketFilter.ALL);
        }
    }

    @Benchmark
    public void frame() {
        path.sendOne();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (tap != null) {
            tap.close();
            Files.deleteIfExists(file);
        }
        path.close();
    }
}
