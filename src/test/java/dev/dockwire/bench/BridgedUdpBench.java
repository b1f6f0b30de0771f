package dev.dockwire.bench;

import dev.dockwire.cli.ProductionJvm;
import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.journey.SharedJourneys;
import dev.dockwire.kernel.JourneyRecording;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * 60-byte UDP frames from a socket in namespace A through veth → bridge → veth to a socket in
 * namespace B, one thread, in frames per second, sent in batches of {@link #BATCH} as the kernel
 * baseline sends with {@code sendmmsg}; with capture off, and with a pcapng capture of
 * the bridge written to a file (what {@code dockwire run} does): {@code on}, a file of at most a
 * step's 128 MiB cut back and written again from its start when full ({@link StepFile}), so that
 * it measures what capture costs dockwire and not this machine's disk; {@code disk}, a file that
 * grows through each 2-s iteration (about 2 GB at ten million frames a second, deleted after it),
 * which crosses the kernel's dirty-page background threshold and then measures the writeback too.
 * Two more variants split that cost:
 * {@code mem}, the pcapng writer into a channel that discards (no system calls), and {@code tap},
 * the capture decorators alone. With journeys: {@code journeys}, the run's capture with every
 * frame's journey summary as its packet comment (the frames held until the loop is idle), and
 * {@code record}, journeys recorded with no capture (a trace's cost on a busy path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 2, jvmArgsAppend = {ProductionJvm.LEAK_DETECTION, ProductionJvm.CHECK_ACCESSIBLE})
public class BridgedUdpBench {
    @Param({"off", "on", "disk", "tap", "mem", "journeys", "record"})
    public String capture;

    private BridgedUdpPath path;
    private CaptureTap tap;
    private Path file;
    private JourneyRecording recording;

    @Setup(Level.Trial)
    public void setUp() {
        path = new BridgedUdpPath();
        if (capture.equals("record")) {
            recording = new SharedJourneys(path.net.emu, null).recording(null);
        }
    }

    /**
     * Each iteration captures into a file of its own, deleted after it, as each step of a run
     * writes its own (at most 128 MiB, run/StepCaptureLimit): one file for the whole trial grew to
     * gigabytes, and past the kernel's dirty-page limits the iterations measured this machine's
     * disk. {@code on} also keeps each file within the step limit ({@link StepFile}).
     */
    @Setup(Level.Iteration)
    public void startCapture() throws IOException {
        if (capture.equals("tap")) {
            // The taps alone, writing nowhere: separates the decorator cost from the file writer's.
            tap = Captures.bridge(new NullCaptureFile(), path.net.loop(), path.bridge, PacketFilter.ALL);
        } else if (capture.equals("mem")) {
            PcapngWriter discard = new PcapngWriter(Channels.newChannel(OutputStream.nullOutputStream()));
            tap = Captures.bridge(discard, path.net.loop(), path.bridge, PacketFilter.ALL);
        } else if (capture.equals("journeys")) {
            file = Files.createTempFile("dockwire-bench", ".pcapng");
            CaptureFile commented = CaptureFile.of(new SharedJourneys(path.net.emu, null).commented(PcapngWriter.create(file), Long.MAX_VALUE));
            tap = Captures.bridge(commented, path.net.loop(), path.bridge, PacketFilter.ALL);
        } else if (capture.equals("on")) {
            file = Files.createTempFile("dockwire-bench", ".pcapng");
            tap = Captures.bridge(new PcapngWriter(new StepFile(file)), path.net.loop(), path.bridge, PacketFilter.ALL);
        } else if (capture.equals("disk")) {
            file = Files.createTempFile("dockwire-bench", ".pcapng");
            tap = Captures.bridge(PcapngWriter.create(file), path.net.loop(), path.bridge, PacketFilter.ALL);
        }
    }

    @TearDown(Level.Iteration)
    public void stopCapture() throws IOException {
        if (tap != null) {
            tap.close();
            tap = null;
        }
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    /** Frames per batch, like the kernel baseline's sendmmsg vector. */
    public static final int BATCH = 64;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void frame() {
        path.sendBatch(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (recording != null) {
            recording.close();
        }
        path.close();
    }
}
