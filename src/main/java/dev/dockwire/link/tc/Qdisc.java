package dev.dockwire.link.tc;

import dev.dockwire.link.QueueingDiscipline;
import dev.dockwire.link.DropReason;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;

/**
 * A queueing discipline on a device's transmit path (the kernel's {@code struct Qdisc}): frames
 * enter through {@link #accept} and leave, possibly later, possibly not at all, to its child
 * qdisc or to the device's driver path. Counters as {@code tc -s qdisc show} prints them.
 */
public abstract class Qdisc implements QueueingDiscipline {
    protected final EventLoop loop;
    protected final NetDevice dev;
    private final String handle;
    private final String parent;
    private Qdisc child;
    public long sentBytes;
    public long sentPackets;
    public long dropped;
    public long overlimits;
    public long requeues;
    public long backlogBytes;
    public long backlogPackets;

    protected Qdisc(EventLoop loop, NetDevice dev, String handle, String parent) {
        this.loop = loop;
        this.dev = dev;
        this.handle = handle;
        this.parent = parent;
    }

    /** {@code netem}, {@code tbf}. */
    public abstract String kind();

    /** The options part of {@code tc qdisc show}. */
    public abstract String options();

    /** Drops everything queued (qdisc deleted or replaced), and what its children hold. */
    @Override
    public abstract void reset();

    /** {@code 8001:}. */
    public String handle() {
        return handle;
    }

    /** {@code root} or {@code parent 1:1}. */
    public String parent() {
        return parent;
    }

    public Qdisc child() {
        return child;
    }

    public void child(Qdisc child) {
        this.child = child;
    }

    public NetDevice device() {
        return dev;
    }

    /** A frame leaves this qdisc: counted as sent, handed to the child or the driver. */
    protected final void deliver(ByteBuf frame) {
        sentBytes += frame.readableBytes();
        sentPackets++;
        if (child != null) {
            child.accept(dev, frame);
        } else {
            dev.dequeue(frame);
        }
    }

    protected final void drop(ByteBuf frame) {
        dropped++;
        dev.probe().drop(dev, frame, DropReason.QDISC_DROP);
        frame.release();
    }
}
