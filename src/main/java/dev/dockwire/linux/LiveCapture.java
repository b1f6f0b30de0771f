package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.linux.netlink.LinkMessage;
import dev.dockwire.linux.netlink.Rtm;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A live capture of one real interface through libpcap (pcap4j), like {@code ip netns exec NS
 * tcpdump -i DEV}: promiscuous unless asked not to be ({@code -p}; so a bridge shows what crosses it between ports, as tcpdump on
 * {@code docker0} does), immediate mode, nanosecond timestamps, an optional BPF filter run in the
 * kernel's socket filter. The capture has a platform thread of its own that enters the namespace
 * with setns(2) before opening the handle — the packet socket libpcap makes, and the ifindex it
 * binds to, belong to the namespace the thread is in — and then hands each frame to a
 * {@link Sink}, on that thread, until {@link #stop} or {@link #close}.
 */
public final class LiveCapture implements AutoCloseable {
    /** Where frames go: called on the capture's thread, one frame at a time. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param data         the captured bytes (at most the snaplen), the sink's to keep
         * @param wireLength   the frame's length on the wire
         * @param epochNanos   when the kernel saw it, in nanoseconds since 1970
         * @return false to end the capture after this frame
         */
        boolean frame(byte[] data, int wireLength, long epochNanos);
    }

    /** How long a read waits for a frame before looking at the stop flag again. */
    private static final int POLL_MILLIS = 100;

    private final String netns;
    private final String dev;
    private final boolean promiscuous;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile PcapHandle handle;
    private volatile long received;
    private volatile long dropped;
    private volatile RuntimeException failure;

    private LiveCapture(String netns, String dev, int snaplen, String filter, boolean promiscuous, Sink sink) {
        this.netns = netns;
        this.dev = dev;
        this.promiscuous = promiscuous;
        CompletableFuture<PcapHandle> opened = new CompletableFuture<>();
        thread = new Thread(() -> run(snaplen, filter, sink, opened), "dockwire-capture-" + dev);
        thread.setDaemon(true);
        thread.start();
        try {
            opened.get();
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while opening a capture on " + dev);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new KernelException(String.valueOf(e.getCause()));
        }
    }

    /**
     * Starts capturing {@code dev} in namespace {@code netns} (a /run/netns name; null: the
     * namespace dockwire runs in). Returns once the handle is open, so nothing sent afterwards is
     * missed.
     *
     * @param filter a tcpdump expression (pcap-filter(7)) or null/blank for everything
     * @throws KernelException          when the namespace or the interface does not exist (naming
     *                                  the interfaces that do), or libpcap cannot open it
     * @throws IllegalArgumentException when the filter does not compile
     */
    public static LiveCapture start(String netns, String dev, int snaplen, String filter, Sink sink) {
        return start(netns, dev, snaplen, filter, true, sink);
    }

    /** As {@link #start(String, String, int, String, Sink)}; not {@code promiscuous} as {@code tcpdump -p} opens it. */
    public static LiveCapture start(String netns, String dev, int snaplen, String filter, boolean promiscuous, Sink sink) {
        return new LiveCapture(netns, dev, snaplen, filter, promiscuous, sink);
    }

    private void run(int snaplen, String filter, Sink sink, CompletableFuture<PcapHandle> opened) {
        PcapHandle handle;
        try {
            if (netns != null) {
                // This thread never goes back: it lives and ends in the namespace it captures.
                int fd = Namespaces.open(netns);
                try {
                    Libc.enterNamespace(fd, Libc.CLONE_NEWNET);
                } finally {
                    Libc.closeFd(fd);
                }
            }
            requireInterface();
            handle = open(snaplen, filter);
        } catch (RuntimeException | LinkageError e) {
            opened.completeExceptionally(e instanceof LinkageError
                    ? new IllegalStateException("live capture needs libpcap (Debian/Ubuntu package libpcap0.8): "
                    + e.getMessage(), e) : e);
            ended.countDown();
            return;
        }
        this.handle = handle;
        opened.complete(handle);
        try {
            while (!stopping) {
                byte[] frame = handle.getNextRawPacket();
                if (frame == null) {
                    continue; // timed out or broken off by stop(): look at the stop flag
                }
                Timestamp ts = handle.getTimestamp();
                if (!sink.frame(frame, handle.getOriginalLength(), ts.getTime() / 1000 * 1_000_000_000L + ts.getNanos())) {
                    stopping = true;
                }
            }
        } catch (NotOpenException | RuntimeException e) {
            failure = e instanceof RuntimeException r ? r : new KernelException("capture on " + dev + ": " + e);
        } finally {
            try {
                PcapStat s = handle.getStats();
                received = s.getNumPacketsReceived();
                dropped = s.getNumPacketsDropped();
            } catch (PcapNativeException | NotOpenException ignored) {
                // counts stay at zero
            }
            handle.close();
            ended.countDown();
        }
    }

    /** The interface must exist in the thread's namespace; else say which do, as {@code ip -br link} would. */
    private void requireInterface() {
        List<String> names;
        try (NetlinkSocket nl = NetlinkSocket.here()) {
            names = nl.dump(Rtm.RTM_GETLINK, new LinkMessage()::emit, LinkMessage::parse).stream()
                    .map(LinkMessage::ifname).toList();
        }
        if (!names.contains(dev)) {
            throw new KernelException(dev + ": No such device exists in " + where() + " (its interfaces: "
                    + String.join(", ", names) + ")");
        }
    }

    private String where() {
        return netns == null ? "this namespace" : "network namespace " + netns;
    }

    private PcapHandle open(int snaplen, String filter) {
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(dev).snaplen(snaplen).promiscuousMode(promiscuous ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(POLL_MILLIS).immediateMode(true)
                    .timestampPrecision(PcapHandle.TimestampPrecision.NANO).build();
        } catch (PcapNativeException e) {
            throw new KernelException("cannot capture on " + dev + " in " + where() + ": " + e.getMessage());
        }
        try {
            if (handle.getDlt() != DataLinkType.EN10MB) {
                throw new KernelException(dev + " has link type " + handle.getDlt() + "; only Ethernet devices can be captured");
            }
            if (filter != null && !filter.isBlank()) {
                try {
                    handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
                } catch (PcapNativeException e) {
                    throw new IllegalArgumentException("invalid capture filter \"" + filter + "\": " + e.getMessage(), e);
                }
            }
            return handle;
        } catch (NotOpenException e) {
            handle.close();
            throw new KernelException("capture handle on " + dev + " closed while opening it");
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    public String device() {
        return dev;
    }

    /**
     * Asks the capture to end; returns at once. Any thread, a sink's too. pcap_breakloop wakes a
     * read blocked in poll(2) (libpcap 1.10's eventfd): on an idle interface the read timeout
     * alone would not, as libpcap polls without a timeout in immediate mode.
     */
    public void stop() {
        stopping = true;
        PcapHandle h = handle;
        if (h != null && Thread.currentThread() != thread) {
            try {
                h.breakLoop();
            } catch (NotOpenException ended) {
                // closed already: nothing to wake
            }
        }
    }

    /** Waits up to {@code timeout} for the capture to end; true when it has. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Frames the kernel passed the filter (libpcap's {@code ps_recv}), known once ended. */
    public long received() {
        return received;
    }

    /** Frames the kernel dropped for want of buffer space ({@code ps_drop}), known once ended. */
    public long dropped() {
        return dropped;
    }

    /** What ended the capture other than {@link #stop}, or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Stops and waits for the capture thread to close the handle. */
    @Override
    public void close() {
        stop();
        if (Thread.currentThread() == thread) {
            return; // a sink closing its own capture: the loop ends after this frame
        }
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
