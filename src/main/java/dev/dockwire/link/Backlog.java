package dev.dockwire.link;

import dev.dockwire.sim.Agent;
import io.netty.buffer.ByteBuf;

/**
 * The per-loop receive backlog, like the kernel's per-CPU {@code softnet_data} queue that
 * {@code netif_rx} fills and {@code net_rx_action} drains. A veth transmit hands the frame to its
 * peer here: received at once when the transmit comes from outside any receive ({@link #netifRx}),
 * else queued, so a stack never re-enters itself while it is still sending. Fixed arrays:
 * queueing allocates nothing. When full, frames are dropped and counted, like
 * {@code netdev_max_backlog} (1000 by default). A bridge's flood is one delivery
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
    /** Receives under way: {@link #doWork}, or frames {@link #netifRx} delivered at once. */
    private int depth;
    /** The receives under way began in {@link #netifRx} (not in the loop's pass) and were only bridged on since. */
    private boolean direct;
    /** A bridge is forwarding the frame a port of it received ({@link #forwarding}). */
    private boolean forwarding;
    /** How many devices one transmit may cross at once before the rest is queued (a loop of bridges). */
    static final int MAX_DIRECT = 8;

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

    /**
     * A frame a driver hands up from a transmit (veth_xmit's {@code __netif_rx}; takes ownership).
     * In the kernel the softirq that receives it runs before the sender's {@code __dev_queue_xmit}
     * returns (rcu_read_unlock_bh, local_bh_enable, do_softirq, net_rx_action, process_backlog), so
     * when the transmit comes from outside any receive (a socket's send, a timer) and nothing is
     * queued for {@code dev}, {@code dev} receives it at once, skipping the queue; and so does the
     * next device while a bridge forwards that frame ({@link #forwarding}; through a VXLAN port that
     * is its encapsulation, up to {@link #MAX_DIRECT} devices). Whatever a stack transmits while it
     * receives is queued and received by the loop's
     * pass, as before: a receiver's reply (a TCP ACK, a datagram sent from a callback) never
     * reaches the sender while it is still sending, which the kernel guarantees with the socket
     * lock (sk_add_backlog, release_sock) and this emulation by queueing it. In the loop's pass, or
     * in a flood, it is {@link #enqueue}.
     */
    public void netifRx(NetDevice dev, ByteBuf frame) {
        int d = depth;
        if ((burst | dev.backlogged) != 0 || d != 0 && !(forwarding && direct && d < MAX_DIRECT)) {
            enqueue(dev, frame);
            return;
        }
        boolean bridged = forwarding;
        depth = d + 1;
        direct = true;
        forwarding = false;
        try {
            dev.receive(frame);
        } finally {
            depth = d;
            direct = d != 0;
            forwarding = bridged;
        }
    }

    /**
     * Set by a bridge around br_forward of a frame one of its ports received (and cleared after):
     * the frame goes on because a bridge forwards it, not because a stack that received it answers,
     * so inside a receive {@link #netifRx} began the next device may receive it at once too.
     */
    public void forwarding(boolean on) {
        forwarding = on;
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
        dev.backlogged++;
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
        dev.backlogged++;
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
        depth++;
        try {
            return receiveQueued();
        } finally {
            depth--;
        }
    }

    private int receiveQueued() {
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
            dev.backlogged--;
            dev.receive(frame);
            done++;
        }
        return done;
    }

    /** Drops everything queued (the emulation is ending), releasing the frames. */
    public void clear() {
        while (head < tail) {
            int i = (int) (head++ & mask);
            devices[i].backlogged--;
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
