package dev.dockwire.bench;

import dev.dockwire.cli.ProductionJvm;
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
 * TCP between two namespaces on a bridge, one thread: {@code bulk} moves 1 MiB of payload per
 * operation over a long-lived connection (Gbit/s = ops/s × 8 × 2^20 / 10^9), {@code request} is
 * one connection per operation (connect, 100-byte request, 100-byte reply, close). The virtual
 * link has no delay, so these are the emulator's own costs per byte and per connection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {ProductionJvm.LEAK_DETECTION, ProductionJvm.CHECK_ACCESSIBLE})
public class TcpBench {
    public static final int BULK_BYTES = 1 << 20;
    private TcpPath path;

    @Setup(Level.Trial)
    public void setUp() {
        path = new TcpPath();
    }

    @Benchmark
    public void bulk() {
        path.bulk(BULK_BYTES);
    }

    @Benchmark
    public void request() {
        path.request();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        path.close();
    }
}
