package dev.dockwire.link;

import dev.dockwire.sim.Agent;
import io.netty.buffer.ByteBuf;

/**
 * The per-loop receive backlog, like the kernel's per-CPU {@code softnet_data} queue that
 * {@code netif_rx} fills and {@code net_rx_action} drains. A veth transmit queues the frame for
 * its peer here instead of calling into the peer, so a stack never re-enters itself while it is
 * still sending. Fixed arrays: queueing allocates nothing. When full, frames are dropped and
 * counted, like {@code netdev_max_backlog} (1000 by default). A bridge's flood is one delivery
 * however many ports it reaches ({@link #beginBurst}): br_flood clones the frame and hands each port its
 * copy in one pass, so 1,000 containers on one bridge all hear an ARP broadcast.
 */
public final class Backlog implements Agent {
    public static final int DEFAULT_MAX = 1000;

    private NetDevice[] devices;
    private ByteBuf[] frames;
    /** Per slot: queued by a flood after its first copy, so not charged against {@link #max}. */
    private boolean[] free;
    private int mask;
    private final int max;
    private long head;
    private long tail;
    private long dropped;
    /** Queued frames not charged (a flood's further copies). */
    private int uncharged;
    /** Floods under way (nested when a port's transmit floods another bridge), and whether this one charged its first copy. */
    private int burst;
    private boolean burstCharged;

    public Backlog() {
        this(DEFAULT_MAX);
    }

    public Backlog(int max) {
        int cap = Integer.highestOneBit(Math.max(2, max - 1)) << 1;
        this.devices = new NetDevice[cap];
        this.frames = new ByteBuf[cap];
        this.free = new boolean[cap];
        this.mask = cap - 1;
        this.max = max;
    }

    /** Queues {@code frame} to be received by {@code dev}; takes ownership. */
    public void enqueue(NetDevice dev, ByteBuf frame) {
        if (burst != 0) {
            enqueueInBurst(dev, frame);
            return;
        }
        // Outside a flood (every frame but a flood's copies): charged, and its free[] slot is
        // already false (doWork and clear leave every slot so).
        long queued = tail - head;
        if (queued - uncharged >= max) {
            drop(dev, frame);
            return;
        }
        if (queued > mask) {
            grow();
        }
        int i = (int) (tail++ & mask);
        devices[i] = dev;
        frames[i] = frame;
    }

    /** netdev_max_backlog reached: the frame is dropped and counted. */
    private void drop(NetDevice dev, ByteBuf frame) {
        dropped++;
        dev.stats().rxDropped++;
        dev.probe().drop(dev, frame, DropReason.CPU_BACKLOG);
        frame.release();
    }

    /** {@link #enqueue} of a flood's copy: the first is charged, the rest are not. */
    private void enqueueInBurst(NetDevice dev, ByteBuf frame) {
        boolean charged = !burstCharged;
        if (charged && tail - head - uncharged >= max) {
            drop(dev, frame);
            return;
        }
        if (tail - head > mask) {
            grow(); // only a flood beyond the ring's size gets here
        }
        int i = (int) (tail++ & mask);
        devices[i] = dev;
        frames[i] = frame;
        free[i] = !charged;
        if (charged) {
            burstCharged = true;
        } else {
            uncharged++;
        }
    }

    /**
     * A flood begins (a bridge handing each port its copy): until {@link #endBurst} its copies are
     * charged to the backlog as one frame. Nested floods (a port's transmit floods another bridge) share it.
     */
    public void beginBurst() {
        if (burst++ == 0) {
            burstCharged = false;
        }
    }

    /** The flood {@link #beginBurst} began is delivered. */
    public void endBurst() {
        if (--burst == 0) {
            burstCharged = false;
        }
    }

    private void grow() {
        int cap = devices.length * 2;
        NetDevice[] d = new NetDevice[cap];
        ByteBuf[] f = new ByteBuf[cap];
        boolean[] fr = new boolean[cap];
        int n = (int) (tail - head);
        for (int k = 0; k < n; k++) {
            int i = (int) ((head + k) & mask);
            d[k] = devices[i];
            f[k] = frames[i];
            fr[k] = free[i];
        }
        devices = d;
        frames = f;
        free = fr;
        mask = cap - 1;
        head = 0;
        tail = n;
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
            if (free[i]) {
                free[i] = false;
                uncharged--;
            }
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
            free[i] = false;
        }
        uncharged = 0;
    }

    public int size() {
        return (int) (tail - head);
    }

    /** Frames dropped because the backlog was full. */
    public long dropped() {
        return dropped;
    }
}
