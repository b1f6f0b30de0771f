package dev.dockwire.linux;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real kernel's capture: a {@link LiveCapture} of each real device feeding one
 * {@link CaptureTap}, whose filter the kernel's socket filter runs first. Frames are stamped with
 * the kernel's time less {@link CaptureFile#DEFAULT_EPOCH_NANOS}, so a file with the default epoch
 * shows when they were seen. With an event loop they are handed to the loop, which owns the file;
 * without one they are written on the capture's thread. What waits for the loop is bounded by
 * libpcap's own buffer ({@link #PCAP_BUFFER_SIZE}): a frame past it is dropped and counted with
 * libpcap's drops in {@link #dropped}, as the kernel drops a frame its ring has no room for.
 * Closing the tap stops every source.
 */
final class RealCapture implements Capture {
    /**
     * libpcap's capture buffer on Linux when none is asked for (pcap-linux.c: "by default request
     * 2M for the ring buffer"; tcpdump's {@code -B} default): at most this many captured bytes
     * wait for the loop.
     */
    static final int PCAP_BUFFER_SIZE = 2 * 1024 * 1024;

    private final CaptureTap tap;
    private final EventLoop loop;
    private final UnaryOperator<String> netnsName;
    /** The tcpdump expression the kernel's socket filter runs, or null. */
    private final String expression;
    private final boolean promiscuous;
    /** The kernel's stamp of the frame being offered, read by the tap's clock. */
    private final long[] seen = new long[1];
    private final ReceiveBudget handOff = new ReceiveBudget(PCAP_BUFFER_SIZE);
    private final List<LiveCapture> sources = new CopyOnWriteArrayList<>();

    private RealCapture(CaptureFile file, PacketFilter filter, boolean promiscuous, EventLoop loop,
                        UnaryOperator<String> netnsName) {
        this.promiscuous = promiscuous;
        this.tap = new CaptureTap(file, () -> seen[0] - CaptureFile.DEFAULT_EPOCH_NANOS, filter);
        this.expression = filter == null ? null : filter.expression();
        this.loop = loop;
        this.netnsName = netnsName;
    }

    /** Captures {@code dev} of /run/netns {@code netns} into a tap that owns {@code file} and {@code filter}. */
    static CaptureTap tap(String netns, String dev, CaptureFile file, PacketFilter filter, EventLoop loop) {
        RealCapture c = new RealCapture(file, filter, true, loop, UnaryOperator.identity());
        c.attach(netns, dev);
        return c.tap;
    }

    /**
     * The seam's capture of {@code dev} in /run/netns {@code netns} into {@code sink};
     * {@code netnsName} gives the /run/netns name of a kernel namespace later {@link #attach}ed.
     */
    static Capture start(String netns, String dev, CaptureSink sink, String filter, boolean promiscuous, EventLoop loop,
                         UnaryOperator<String> netnsName) {
        PacketFilter f;
        try {
            f = filter == null ? PacketFilter.ALL : PacketFilter.compile(filter);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new KernelException(e.getMessage());
        }
        RealCapture c = new RealCapture(CaptureFile.of(sink), f, promiscuous, loop, netnsName);
        c.live(netns, dev);
        return c;
    }

    /** Adds a live capture of {@code dev} in kernel namespace {@code ns} as a further interface. */
    @Override
    public void attach(String ns, String dev) {
        live(netnsName.apply(ns), dev);
    }

    private void live(String netns, String dev) {
        AtomicReference<LiveCapture> live = new AtomicReference<>();
        int iface = tap.attachSource(dev, "real " + netns + " " + dev, () -> {
            LiveCapture c = live.get();
            if (c != null && loop != null) {
                c.stop(); // the loop's thread closes the tap: frames still posted find it closed
            } else if (c != null) {
                c.close(); // frames are written on the capture's thread: wait for it before the file closes
            }
        });
        live.set(LiveCapture.start(netns, dev, CaptureFile.DEFAULT_SNAPLEN, expression, promiscuous, (data, wire, nanos) -> {
            if (loop == null) {
                offer(iface, Unpooled.wrappedBuffer(data), nanos);
            } else if (handOff.take(data.length)) {
                loop.post(() -> {
                    handOff.give(data.length);
                    offer(iface, Unpooled.wrappedBuffer(data), nanos);
                });
            }
            return true;
        }));
        sources.add(live.get());
    }

    private void offer(int iface, ByteBuf frame, long nanos) {
        seen[0] = nanos;
        try {
            tap.offer(iface, CaptureFile.Direction.UNKNOWN, frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public long captured() {
        return tap.captured();
    }

    /** Frames the hand-off to the loop had no room for, and those libpcap counted (known once a source has ended). */
    @Override
    public long dropped() {
        return handOff.dropped() + sources.stream().mapToLong(LiveCapture::dropped).sum();
    }

    /** Captured bytes waiting for the loop now. */
    int queued() {
        return handOff.queued();
    }

    @Override
    public RuntimeException failure() {
        return tap.failure();
    }

    @Override
    public void close() {
        tap.close();
    }
}
