package dev.dockwire.cli;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.FrameDecoder;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.linux.LiveCapture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire capture --real IFACE [-n NETNS] [-w FILE] [-c COUNT] [-f EXPR] [--duration S]}:
 * like {@code ip netns exec NETNS tcpdump -i IFACE -w FILE}, through libpcap (pcap4j), written by
 * our own pcapng writer (an IDB named after the interface, nanosecond timestamps). Without
 * {@code -w} it prints a line per frame as tcpdump does. Ends after COUNT frames, after S seconds
 * or at Ctrl-C, closing the file cleanly and printing tcpdump's counts. Root only.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Record a real interface (--real, root only) to pcapng, like tcpdump -i IFACE -w FILE.")
final class CaptureCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface (a dw- bridge, a container's eth0, lo, ...).")
    String iface;

    @Option(names = "--real", description = "Capture on this machine's kernel (the only mode capture has).")
    boolean real;

    @Option(names = {"-n", "--netns"}, paramLabel = "NETNS", description = "The namespace (as 'ip netns' names it) the interface is in.")
    String netns;

    @Option(names = "-w", paramLabel = "FILE", description = "Write frames to FILE: pcapng, or classic pcap when it ends in .pcap.")
    Path write;

    @Option(names = "-c", paramLabel = "COUNT", description = "Stop after COUNT frames.")
    Long count;

    @Option(names = "-f", paramLabel = "EXPR", description = "A capture filter in tcpdump's language, e.g. 'icmp or arp'.")
    String filter;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds.")
    Double duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = System.err;
        if (!real) {
            err.println("dockwire: capture records a real interface and needs --real (emulated runs write captures/<run>/*.pcapng"
                    + " themselves: dockwire run FILE --capture IFACE)");
            return 2;
        }
        if ((count != null && count <= 0) || (duration != null && duration <= 0)) {
            err.println("dockwire: capture: -c and --duration take a positive number");
            return 2;
        }
        String refusal = RealInput.notRoot("capture --real", "opens a packet socket on a real interface");
        if (refusal != null) {
            err.println(refusal);
            return 1;
        }
        CaptureFile file;
        try {
            file = write == null ? null : CaptureFile.open(write, 0, CaptureFile.DEFAULT_SNAPLEN);
        } catch (UncheckedIOException e) {
            err.println("dockwire: capture: " + e.getMessage());
            return 1;
        }
        if (file != null) {
            file.addInterface(iface, netns == null ? null : "netns " + netns);
        }
        AtomicLong seen = new AtomicLong();
        LiveCapture.Sink sink = (data, wire, nanos) -> {
            ByteBuf frame = Unpooled.wrappedBuffer(data);
            if (file != null) {
                file.write(0, nanos, frame, CaptureFile.Direction.UNKNOWN);
            } else {
                System.out.println(line(nanos, frame));
            }
            long n = seen.incrementAndGet();
            return count == null || n < count; // tcpdump -c ends right after the last one
        };
        LiveCapture live;
        try {
            live = LiveCapture.start(netns, iface, CaptureFile.DEFAULT_SNAPLEN, filter, sink);
        } catch (KernelException | IllegalStateException e) {
            closeQuietly(file);
            err.println("dockwire: capture: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            closeQuietly(file);
            err.println("dockwire: capture: " + e.getMessage());
            return 2;
        }
        err.println("dockwire: listening on " + iface + (netns == null ? "" : " in netns " + netns)
                + ", link-type EN10MB (Ethernet), snapshot length " + CaptureFile.DEFAULT_SNAPLEN + " bytes"
                + (write == null ? "" : ", writing " + write));
        // Ctrl-C: stop the capture and let this thread finish the file before the JVM exits.
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            live.stop();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "dockwire-capture-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // Until the count is reached or Ctrl-C (the hook stops it), or for the duration.
            live.awaitEnd(duration == null ? Long.MAX_VALUE : (long) (duration * 1e9), TimeUnit.NANOSECONDS);
            live.close();
            if (file != null) {
                file.close();
            }
            err.println(seen.get() + " packet" + (seen.get() == 1 ? "" : "s") + " captured");
            err.println(live.received() + " packet" + (live.received() == 1 ? "" : "s") + " received by filter");
            err.println(live.dropped() + " packet" + (live.dropped() == 1 ? "" : "s") + " dropped by kernel");
            if (live.failure() != null) {
                err.println("dockwire: capture: " + live.failure().getMessage());
                return 1;
            }
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for finished, counted down above
            }
        }
    }

    /** tcpdump's line: time of day (UTC) with microseconds, then the frame decoded. */
    private static String line(long nanos, ByteBuf frame) {
        Instant t = Instant.ofEpochSecond(0, nanos);
        StringBuilder sb = new StringBuilder(TIME.format(t)).append('.')
                .append(String.format("%06d", t.getNano() / 1000)).append(' ');
        return FrameDecoder.decode(frame, sb).toString();
    }

    private static void closeQuietly(CaptureFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (RuntimeException ignored) {
                // the capture's own error is the one to report
            }
        }
    }
}
