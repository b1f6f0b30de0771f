package dev.dockwire.capture;

import dev.dockwire.kernel.CaptureSink.Direction;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.FrameSink;
import dev.dockwire.link.LinkType;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.Clock;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One running capture: a file, the clock that stamps frames, a filter, and the taps that feed
 * it. A tap is a {@link FrameSink} decorator on a device's egress or ingress path (or a bridge's
 * port input): it offers the frame to the capture and passes it on unchanged, so the forwarding
 * code never knows it is being watched. Build one with {@link Captures}.
 *
 * <p>The capture owns its file and filter. After {@link #close()} (or an I/O error, see
 * {@link #failure()}) the taps stay in place but only pass frames through: decorators cannot be
 * removed, and writing nothing is what a stopped tcpdump does. Not thread-safe.
 */
public final class CaptureTap implements AutoCloseable {
    private final CaptureFile file;
    private final Clock clock;
    private final PacketFilter filter;
    private final List<AutoCloseable> sources = new ArrayList<>();
    private long captured;
    private long filteredOut;
    private boolean closed;
    private RuntimeException failure;

    public CaptureTap(CaptureFile file, Clock clock, PacketFilter filter) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.filter = filter == null ? PacketFilter.ALL : filter;
    }

    /**
     * Captures what {@code dev} sends and receives, as one interface named after it: like
     * {@code tcpdump -p -i DEV} (on {@code lo}, each frame once, as received). For a bridge device
     * that is only the traffic of its own stack; see {@link #attachBridge} for the promiscuous
     * view. Returns the interface index.
     */
    public int attachDevice(NetDevice dev) {
        int iface = declare(dev);
        // On lo every frame sent is received again by lo itself; libpcap skips the outgoing copy
        // (pcap-linux.c: "we'll see it again as an incoming packet"), so each shows once, inbound.
        if (dev.type() != LinkType.LOOPBACK) {
            dev.wrapEgress(next -> tap(iface, Direction.OUTBOUND, next));
        }
        dev.wrapIngress(next -> tap(iface, Direction.INBOUND, next));
        return iface;
    }

    /**
     * Captures what {@code tcpdump -i BRIDGE} sees with the bridge promiscuous: every frame that
     * arrives from any port (before learning and forwarding; inbound) and every frame the bridge's
     * own stack sends (outbound), as one interface named after the bridge. Frames passed up to the
     * bridge's stack were already seen at port input and are not written twice.
     */
    public int attachBridge(Bridge bridge) {
        int iface = declare(bridge);
        bridge.wrapPortInput(next -> tap(iface, Direction.INBOUND, next));
        bridge.wrapEgress(next -> tap(iface, Direction.OUTBOUND, next));
        return iface;
    }

    /**
     * The decorator for one interface and direction, chosen once here rather than per frame: a
     * capture whose filter takes everything (tcpdump without an expression) calls no filter.
     */
    private FrameSink tap(int iface, Direction dir, FrameSink next) {
        return filter.matchesAll() ? new Tap(this, iface, dir, next) : new FilteredTap(this, iface, dir, next);
    }

    private int declare(NetDevice dev) {
        return declare(dev.name(), dev.type().kind() + " ifindex " + dev.ifindex());
    }

    private int declare(String name, String description) {
        if (closed) {
            throw new IllegalStateException("capture is closed");
        }
        return file.addInterface(name, description);
    }

    /**
     * Declares an interface whose frames come from outside the emulation (a real interface's live
     * capture) and returns its index; the source gives its frames to {@link #offer} and is closed
     * first when this capture closes.
     */
    public int attachSource(String name, String description, AutoCloseable source) {
        int iface = declare(name, description);
        sources.add(source);
        return iface;
    }

    /**
     * A frame seen on interface {@code iface} now (by this capture's clock): filtered, then
     * written. The caller keeps the frame. Called by taps, and by sources on the thread that owns
     * the file; never throws.
     */
    public void offer(int iface, Direction dir, ByteBuf frame) {
        if (closed) {
            return;
        }
        try {
            if (!filter.matches(frame)) {
                filteredOut++;
                return;
            }
            file.write(iface, clock.nanos(), frame, dir);
            captured++;
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    /** As {@link #offer} for a capture without a filter to run: {@link Tap}'s path. */
    private void offerUnfiltered(int iface, Direction dir, ByteBuf frame) {
        if (closed) {
            return;
        }
        try {
            file.write(iface, clock.nanos(), frame, dir);
            captured++;
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    /** tcpdump stops with a message when it cannot write; a capture stopped in silence looks like no traffic. */
    private void stop(RuntimeException e) {
        failure = e;
        System.err.println("dockwire: capture stopped after " + captured + " packets: " + e);
        closeQuietly();
    }

    /** Frames written to the file. */
    public long captured() {
        return captured;
    }

    /** Frames the filter rejected. */
    public long filteredOut() {
        return filteredOut;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The error that stopped this capture (it is then closed), or null. */
    public RuntimeException failure() {
        return failure;
    }

    public CaptureFile file() {
        return file;
    }

    public PacketFilter filter() {
        return filter;
    }

    /** Writes buffered frames to the file; a no-op once closed. */
    public void flush() {
        if (!closed) {
            file.flush();
        }
    }

    /** Flushes and closes the file and frees the filter; taps pass frames through from now on. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable s : sources) {
            try {
                s.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("stopping a capture source: " + e.getMessage(), e) : failure;
            }
        }
        try {
            file.close();
        } finally {
            filter.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the first failure is the one reported
        }
    }

    /** A decorator on one interface and direction: capture, then hand the frame on unchanged (ownership goes with it). */
    private abstract static class TapBase implements FrameSink {
        final CaptureTap capture;
        final int iface;
        final Direction dir;
        final FrameSink next;

        TapBase(CaptureTap capture, int iface, Direction dir, FrameSink next) {
            this.capture = capture;
            this.iface = iface;
            this.dir = dir;
            this.next = next;
        }
    }

    /** The decorator of a capture without a filter: write, then pass on. */
    private static final class Tap extends TapBase {
        Tap(CaptureTap capture, int iface, Direction dir, FrameSink next) {
            super(capture, iface, dir, next);
        }

        @Override
        public void accept(NetDevice dev, ByteBuf frame) {
            capture.offerUnfiltered(iface, dir, frame);
            next.accept(dev, frame);
        }
    }

    /** The decorator of a capture with a filter: offer (filter, then write), then pass on. */
    private static final class FilteredTap extends TapBase {
        FilteredTap(CaptureTap capture, int iface, Direction dir, FrameSink next) {
            super(capture, iface, dir, next);
        }

        @Override
        public void accept(NetDevice dev, ByteBuf frame) {
            capture.offer(iface, dir, frame);
            next.accept(dev, frame);
        }
    }
}
