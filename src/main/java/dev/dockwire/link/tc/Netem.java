package dev.dockwire.link.tc;

import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.sim.Timeout;
import io.netty.buffer.ByteBuf;
import java.util.PriorityQueue;

/**
 * The netem qdisc as the kernel's sch_netem implements it, on the virtual clock and the seeded
 * random source: per frame, duplication (a copy is queued too), loss (random with correlation,
 * or Gilbert–Elliott), corruption of one random bit, the queue limit in packets, then a send
 * time of now + delay (+ jitter from the chosen distribution), or now for the one in
 * {@code gap} frames picked for reordering, and with {@code rate} the serialisation time after
 * the previous frame. Frames leave in send-time order.
 */
public final class Netem extends Qdisc {
    private final NetemSpec spec;
    private final SeededRandom random;
    private final Correlated delayCor;
    private final Correlated lossCor;
    private final Correlated dupCor;
    private final Correlated corruptCor;
    private final Correlated reorderCor;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private Timeout timer;
    private long seq;
    private int counter;
    private boolean geBad;
    private long lastSendTime = -1;

    private record Pending(long time, long seq, ByteBuf frame) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public Netem(EventLoop loop, SeededRandom random, NetDevice dev, String handle, String parent, NetemSpec spec) {
        super(loop, dev, handle, parent);
        this.spec = spec;
        this.random = random;
        this.delayCor = new Correlated(spec.delayCorr());
        this.lossCor = new Correlated(spec.lossCorr());
        this.dupCor = new Correlated(spec.duplicateCorr());
        this.corruptCor = new Correlated(spec.corruptCorr());
        this.reorderCor = new Correlated(spec.reorderCorr());
    }

    public NetemSpec spec() {
        return spec;
    }

    @Override
    public String kind() {
        return "netem";
    }

    @Override
    public String options() {
        return spec.format();
    }

    @Override
    public void accept(NetDevice d, ByteBuf frame) {
        int count = 1;
        if (spec.duplicate() > 0 && dupCor.next(random) < spec.duplicate()) {
            count++;
        }
        if (lost()) {
            count--;
        }
        if (count == 0) {
            drop(frame);
            return;
        }
        if (count > 1) {
            // netem re-enqueues the duplicate at the root; here it takes the same path.
            enqueue(Frames.copy(frame));
        }
        if (spec.corrupt() > 0 && corruptCor.next(random) < spec.corrupt() && frame.readableBytes() > 0) {
            int at = frame.readerIndex() + random.nextInt(frame.readableBytes());
            frame.setByte(at, frame.getByte(at) ^ (1 << random.nextInt(8)));
        }
        enqueue(frame);
    }

    private boolean lost() {
        NetemSpec.GeModel ge = spec.gemodel();
        if (ge != null) {
            // loss_gilb_ell: the state moves first, then the state's loss probability applies.
            if (!geBad) {
                if (random.nextDouble() < ge.p()) {
                    geBad = true;
                }
                return random.nextDouble() < ge.oneMinusK();
            }
            if (random.nextDouble() < ge.r()) {
                geBad = false;
            }
            return random.nextDouble() < ge.oneMinusH();
        }
        return spec.loss() > 0 && lossCor.next(random) < spec.loss();
    }

    private void enqueue(ByteBuf frame) {
        if (queue.size() >= spec.limit()) {
            drop(frame);
            return;
        }
        long now = loop.nanos();
        long time;
        if (spec.gap() == 0 || counter < spec.gap() - 1 || spec.reorder() < reorderCor.next(random)) {
            long delay = delay();
            if (spec.rateBps() > 0) {
                // The previous frame must finish first: delay counts from its send time (sch_netem).
                long base = now;
                if (lastSendTime > now) {
                    delay = Math.max(0, delay - (lastSendTime - now));
                    base = lastSendTime;
                }
                delay += frame.readableBytes() * 8L * 1_000_000_000L / spec.rateBps();
                time = base + delay;
            } else {
                time = now + delay;
            }
            lastSendTime = Math.max(lastSendTime, time);
            counter++;
        } else {
            // Reordering: this one goes out at once, ahead of the delayed ones.
            time = now;
            counter = 0;
        }
        queue.add(new Pending(time, seq++, frame));
        backlogPackets++;
        backlogBytes += frame.readableBytes();
        arm();
    }

    /** tabledist: latency ± jitter from the distribution, never negative. */
    private long delay() {
        long mu = spec.delayNanos();
        long sigma = spec.jitterNanos();
        if (sigma == 0) {
            return mu;
        }
        double u = delayCor.next(random);
        double x = switch (spec.distribution()) {
            case UNIFORM -> 2 * u - 1;
            case NORMAL -> Distributions.normal(u);
            case PARETO -> Distributions.pareto(u);
            case PARETONORMAL -> Distributions.paretoNormal(u, random.nextDouble());
        };
        return Math.max(0, mu + Math.round(x * sigma));
    }

    private void arm() {
        Pending head = queue.peek();
        if (head == null) {
            return;
        }
        if (timer != null && !timer.isCancelled()) {
            if (timer.deadline() <= head.time()) {
                return;
            }
            timer.cancel();
        }
        timer = loop.schedule(Math.max(0, head.time() - loop.nanos()), this::release);
    }

    private void release() {
        timer = null;
        long now = loop.nanos();
        Pending p;
        while ((p = queue.peek()) != null && p.time() <= now) {
            queue.poll();
            backlogPackets--;
            backlogBytes -= p.frame().readableBytes();
            deliver(p.frame());
        }
        arm();
    }

    @Override
    public void reset() {
        if (timer != null) {
            timer.cancel();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.frame().release();
        }
        backlogPackets = 0;
        backlogBytes = 0;
        if (child() != null) {
            child().reset();
        }
    }
}
