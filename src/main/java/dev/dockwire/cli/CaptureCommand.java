package dev.dockwire.cli;

import dev.dockwire.run.InterfaceRecording;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire capture --real IFACE [-n NETNS] [-w FILE] [-c COUNT] [-f EXPR] [--duration S]}:
 * like {@code ip netns exec NETNS tcpdump -i IFACE -w FILE}, through libpcap (pcap4j), written by
 * our own pcapng writer ({@link InterfaceRecording}). Without {@code -w} it prints a line per frame
 * as tcpdump does. Ends after COUNT frames, after S seconds or at Ctrl-C ({@link CaptureInterrupt}), finishing the file and
 * printing tcpdump's counts. Root only.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Record a real interface (--real, root only) to pcapng, like tcpdump -i IFACE -w FILE.")
final class CaptureCommand implements Callable<Integer> {
    private static final int SNAPLEN = 262_144;

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface (a dw- bridge, a container's eth0, lo, ...).")
    String iface;

    @Option(names = "--real", description = "Capture on this machine's kernel (the only mode capture has).")
    boolean real;

    @Option(names = {"-n", "--netns"}, paramLabel = "NETNS", description = "The namespace (as 'ip netns' names it) the interface is in.")
    String netns;

    @Option(names = "-w", paramLabel = "FILE", description = "Write frames to FILE: pcapng, or classic pcap when it ends in .pcap;"
            + " '-' streams pcapng to standard output (dockwire capture --real -n NS eth0 -w - | wireshark -k -i -).")
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
        // The hook goes in before the file and the handle are opened: a signal at any point finds it.
        CaptureInterrupt interrupt = CaptureInterrupt.install();
        try {
            InterfaceRecording rec;
            try {
                rec = new InterfaceRecording(netns, iface, write, count, filter, System.out::println, System.out);
            } catch (IllegalArgumentException e) {
                err.println("dockwire: capture: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                err.println("dockwire: capture: " + e.getMessage());
                return 1;
            }
            err.println("dockwire: listening on " + iface + (netns == null ? "" : " in netns " + netns)
                    + ", link-type EN10MB (Ethernet), snapshot length " + SNAPLEN + " bytes"
                    + (write == null ? "" : ", writing " + write));
            interrupt.opened(rec::stop);
            rec.await(duration == null ? Long.MAX_VALUE : (long) (duration * 1e9));
            InterfaceRecording.Counts c = rec.finish();
            err.println(packets(c.captured()) + " captured");
            err.println(packets(c.received()) + " received by filter");
            err.println(packets(c.dropped()) + " dropped by kernel");
            if (c.failure() != null) {
                err.println("dockwire: capture: " + c.failure());
                return 1;
            }
            return 0;
        } finally {
            interrupt.finish();
        }
    }

    private static String packets(long n) {
        return n + (n == 1 ? " packet" : " packets");
    }
}
