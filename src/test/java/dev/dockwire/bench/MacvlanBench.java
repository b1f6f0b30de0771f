package dev.dockwire.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 60-byte UDP frames between two bridge-mode macvlan siblings in two namespaces
 * ({@link MacvlanUdpPath}, the kernel baseline's {@code macvlan} path), one thread, in frames per
 * second, batches of {@link BridgedUdpBench#BATCH}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
public class MacvlanBench {
    private MacvlanUdpPath path;

    @Setup(Level.Trial)
    public void setUp() {
        path = new MacvlanUdpPath();
    }

    @Benchmark
    @OperationsPerInvocation(BridgedUdpBench.BATCH)
    public void frame() {
        path.sendBatch(BridgedUdpBench.BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        path.close();
    }
}
