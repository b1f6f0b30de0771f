package dev.dockwire.link;

import dev.dockwire.sim.Agent;
import io.netty.buffer.ByteBuf;

/**
 * The per-loop receive backlog, like the kernel's per-CPU {@code softnet_data} queue that
 * {@code netif_rx} fills and {@code net_rx_action} drains. A veth transmit queues the frame for
 * its peer here instead of calling into the peer, so a stack never re-enters itself while it is
 * still sending. Fixed arrays: queueing allocates nothing. When full, frames are dropped and
 * counted, like {@code netdev_max_backlog} (1000 by default).
 */
public final class Backlog implements Agent {
    public static final int DEFAULT_MAX = 1000;

    private final NetDevice[] devices;
    private final ByteBuf[] frames;
    private final int mask;
    private final int max;
    private long head;
    private long tail;
    private long dropped;

    public Backlog() {
        this(DEFAULT_MAX);
    }

    public Backlog(int max) {
        int cap = Integer.highestOneBit(Math.max(2, max - 1)) << 1;
        this.devices = new NetDevice[cap];
        this.frames = new ByteBuf[cap];
        this.mask = cap - 1;
        this.max = max;
    }

    /** Queues {@code frame} to be received by {@code dev}; takes ownership. */
    public void enqueue(NetDevice dev, ByteBuf frame) {
        if (tail - head >= max) {
            dropped++;
            dev.stats().rxDropped++;
            frame.release();
            return;
        }
        int i = (int) (tail++ & mask);
        devices[i] = dev;
        frames[i] = frame;
    }

    @Override
    public int doWork() {
        int done = 0;
        // Bounded: only what was queued before this call; new frames wait for the next round.
        long end = tail;
        while (head < end) {
            int i = (int) (head++ & mask);
            NetDevice dev = devices[i];
            ByteBuf frame = frames[i];
            devices[i] = null;
            frames[i] = null;
            dev.receive(frame);
            done++;
        }
        return done;
    }

    /** Drops everything queued (the emulation is ending), releasing the frames. */
    public void clear() {
        while (head < tail) {
            int i = (int) (head++ & mask);
            devices[i] = null;
            frames[i].release();
            frames[i] = null;
        }
    }

    public int size() {
        return (int) (tail - head);
    }

    /** Frames dropped because the backlog was full. */
    public long dropped() {
        return dropped;
    }
}
