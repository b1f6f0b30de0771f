package dev.dockwire.link.tc;

import dev.dockwire.link.Frames;
import dev.dockwire.link.Gso;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The token bucket filter (sch_tbf): a bucket of {@code burst} bytes refilled at {@code rate};
 * a frame leaves when the bucket holds its size, else waits (counted as an overlimit) in a queue
 * of at most {@code limit} bytes ({@code rate × latency + burst} when given as a latency).
 */
public final class Tbf extends Qdisc {
    private final long rateBps;
    private final long burst;
    private final long limit;
    private final long latencyNanos;
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private double tokens;
    private long lastRefill;
    private Timeout timer;

    public Tbf(EventLoop loop, NetDevice dev, String handle, String parent, List<String> words) {
        super(loop, dev, handle, parent);
        long rate = 0;
        long b = 0;
        long lim = 0;
        long lat = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String v = i + 1 < words.size() ? words.get(i + 1) : null;
            try {
                switch (w) {
                    case "rate" -> rate = TcUnits.rate(v);
                    case "burst", "buffer", "maxburst" -> b = TcUnits.size(v);
                    case "limit" -> lim = TcUnits.size(v);
                    case "latency" -> lat = TcUnits.time(v);
                    case "peakrate", "mtu", "minburst" -> {
                    }
                    default -> throw new IllegalArgumentException("What is \"" + w + "\"?");
                }
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("Illegal \"" + w + "\"");
            }
            i++;
        }
        if (rate == 0 || b == 0 || (lim == 0 && lat == 0)) {
            throw new IllegalArgumentException("Both \"burst\" and \"rate\" must be specified, and either \"limit\" or \"latency\".");
        }
        this.rateBps = rate;
        this.burst = b;
        this.latencyNanos = lat;
        this.limit = lim > 0 ? lim : (long) (rate / 8.0 * lat / 1e9) + b;
        this.tokens = b;
        this.lastRefill = loop.nanos();
    }

    @Override
    public String kind() {
        return "tbf";
    }

    @Override
    public String options() {
        return "rate " + TcUnits.formatRate(rateBps) + " burst " + TcUnits.formatSize(burst)
                + (latencyNanos > 0 ? " lat " + TcUnits.formatTime(latencyNanos) : " limit " + TcUnits.formatSize(limit));
    }

    @Override
    public void accept(NetDevice d, ByteBuf frame) {
        int len = frame.readableBytes();
        if (len > burst && Frames.isGso(frame)) {
            // tbf_segment: a GSO packet larger than the bucket goes in as its segments.
            int n = Gso.segments(frame);
            for (int i = 0; i < n; i++) {
                accept(d, Gso.segment(frame, i));
            }
            frame.release();
            return;
        }
        if (backlogBytes + len > limit || len > burst) {
            drop(frame);
            return;
        }
        queue.add(frame);
        backlogBytes += len;
        backlogPackets++;
        run();
    }

    private void refill() {
        long now = loop.nanos();
        tokens = Math.min(burst, tokens + (now - lastRefill) * rateBps / 8e9);
        lastRefill = now;
    }

    private void run() {
        timer = null;
        refill();
        ByteBuf head;
        while ((head = queue.peek()) != null && tokens >= head.readableBytes()) {
            queue.poll();
            tokens -= head.readableBytes();
            backlogBytes -= head.readableBytes();
            backlogPackets--;
            deliver(head);
        }
        if (head != null && (timer == null || timer.isCancelled())) {
            overlimits++;
            long wait = (long) Math.ceil((head.readableBytes() - tokens) * 8e9 / rateBps);
            timer = loop.schedule(Math.max(1, wait), this::run);
        }
    }

    @Override
    public void reset() {
        if (timer != null) {
            timer.cancel();
        }
        queue.forEach(ByteBuf::release);
        queue.clear();
        backlogBytes = 0;
        backlogPackets = 0;
        if (child() != null) {
            child().reset();
        }
    }
}
