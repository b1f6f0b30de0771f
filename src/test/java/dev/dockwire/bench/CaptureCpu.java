package dev.dockwire.bench;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Capture's cost on {@link BridgedUdpBench}'s path in CPU time, which other work on the machine
 * barely changes: the forwarding thread's CPU nanoseconds per frame (getrusage's per-thread time,
 * through {@code ThreadMXBean}) and the whole process's (the writer thread's {@code write(2)}
 * included; the kernel's writeback threads are not). JMH's frames per second on a shared 2-core
 * machine mostly measure the scheduler (under load, {@code capture=off} got a smaller share of a
 * core than {@code on}); these figures compare writers. One mode per JVM, so that each compiles
 * the path it measures:
 * {@code java -cp CP dev.dockwire.bench.CaptureCpu off|tap|discard|mem|on [seconds]} (the first 3 s warm up;
 * {@code discard}: the pcapng writer into a channel that takes each chunk without reading it, so
 * the writer thread touches none of the forwarding thread's cache lines; {@code mem} reads and
 * drops them). Run it with the benchmarks' Netty settings ({@code ProductionJvm}'s options).
 */
public final class CaptureCpu {
    private CaptureCpu() {
    }

    /** Takes every chunk without reading a byte of it. */
    private static final class Discard implements java.nio.channels.WritableByteChannel {
        @Override
        public int write(java.nio.ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        BridgedUdpPath path = new BridgedUdpPath();
        Path file = null;
        CaptureTap tap = switch (mode) {
            case "off" -> null;
            case "tap" -> Captures.bridge(new NullCaptureFile(), path.net.loop(), path.bridge, PacketFilter.ALL);
            case "mem" -> Captures.bridge(new PcapngWriter(Channels.newChannel(OutputStream.nullOutputStream())),
                    path.net.loop(), path.bridge, PacketFilter.ALL);
            case "discard" -> Captures.bridge(new PcapngWriter(new Discard()), path.net.loop(), path.bridge, PacketFilter.ALL);
            case "on" -> Captures.bridge(PcapngWriter.create(file = Files.createTempFile("dockwire-cpu", ".pcapng")),
                    path.net.loop(), path.bridge, PacketFilter.ALL);
            default -> throw new IllegalArgumentException("mode: off, tap, discard, mem or on; got " + mode);
        };
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            for (int second = 0; second < seconds; second++) {
                long frames = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                long wall = System.nanoTime();
                while (System.nanoTime() - wall < 1_000_000_000L) {
                    path.sendBatch(BridgedUdpBench.BATCH);
                    frames += BridgedUdpBench.BATCH;
                }
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                process = os.getProcessCpuTime() - process;
                wall = System.nanoTime() - wall;
                if (second >= 3) {
                    System.out.printf("capture=%s: forwarding thread %.1f ns CPU per frame, process %.1f, wall %.1f (%.0f%% of a core)%n",
                            mode, cpu / (double) frames, process / (double) frames, wall / (double) frames, 100.0 * cpu / wall);
                }
            }
        } finally {
            if (tap != null) {
                tap.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
            path.close();
        }
    }
}
