package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IPv4 reassembly (RFC 791 section 3.2, RFC 815) as Linux's {@code ip_defrag}
 * (net/ipv4/ip_fragment.c over net/ipv4/inet_fragment.c):
 * <ul>
 * <li>a queue per (source, destination, protocol, identification), created by the first fragment
 * that arrives and timed from then: {@code net.ipv4.ipfrag_time} (30 s) later it is dropped
 * (ReasmTimeout) and, if the first fragment (offset 0) had arrived, the sender gets ICMP time
 * exceeded, code 1 "fragment reassembly time exceeded", quoting that fragment;</li>
 * <li>a fragment wholly inside data already queued is a duplicate: dropped, the queue kept; one
 * that partly overlaps kills the whole queue (ReasmOverlaps; the FragmentSmack fix, RFC 5722's
 * rule applied to IPv4);</li>
 * <li>a last fragment that disagrees with the length already known, data beyond the end, or an
 * empty fragment kill the queue; a non-last fragment's payload is cut to a multiple of 8;</li>
 * <li>no fragment is queued while the memory held exceeds {@code net.ipv4.ipfrag_high_thresh}
 * (4 MiB); memory counts each fragment buffer's capacity, our stand-in for skb truesize;</li>
 * <li>the datagram is rebuilt on the first fragment's header with the offset cleared and DF set
 * only when every fragment carried DF; {@link #fragMaxSize()} tells the largest fragment, the
 * size a forwarding router re-fragments to (IPCB frag_max_size).</li>
 * </ul>
 * Only fragments come here; whole datagrams never touch this class.
 */
final class IpDefrag {
    /** Default of net.ipv4.ipfrag_time, seconds. */
    static final int DEFAULT_TIME_SECONDS = 30;
    /** Default of net.ipv4.ipfrag_high_thresh, bytes. */
    static final long DEFAULT_HIGH_THRESH = 4L * 1024 * 1024;
    private static final int MAX_DATAGRAM = 65535;
    private static final int DUPLICATE = -1;
    private static final int OVERLAP = -2;

    /** The reassembly counters of the kernel's IP MIB. */
    static final class Stats {
        long reasmReqds;
        long reasmOks;
        long reasmFails;
        long reasmTimeout;
        long reasmOverlaps;
    }

    private record Key(int src, int dst, int protocol, int ident) {
    }

    private static final class Fragment {
        final int offset;
        final int end;
        final ByteBuf packet;

        Fragment(int offset, int end, ByteBuf packet) {
            this.offset = offset;
            this.end = end;
            this.packet = packet;
        }
    }

    private final class Queue {
        final Key key;
        final List<Fragment> fragments = new ArrayList<>(4);
        final Timeout timer;
        int len;
        int meat;
        boolean firstIn;
        boolean lastIn;
        int maxSize;
        int maxDfSize;

        Queue(Key key) {
            this.key = key;
            this.timer = loop.schedule(timeoutNanos, () -> expire(this));
        }
    }

    private final EventLoop loop;
    private final Consumer<ByteBuf> timeExceeded;
    private final Map<Key, Queue> queues = new HashMap<>();
    private final Ipv4Packet ip = new Ipv4Packet();
    final Stats stats = new Stats();
    private long timeoutNanos = DEFAULT_TIME_SECONDS * 1_000_000_000L;
    private long highThresh = DEFAULT_HIGH_THRESH;
    private long mem;
    private int fragMaxSize;

    /**
     * @param timeExceeded sends ICMP time exceeded (fragment reassembly) about the first fragment
     *                     it is given; does not take ownership
     */
    IpDefrag(EventLoop loop, Consumer<ByteBuf> timeExceeded) {
        this.loop = loop;
        this.timeExceeded = timeExceeded;
    }

    void timeoutSeconds(int seconds) {
        timeoutNanos = seconds * 1_000_000_000L;
    }

    void highThresh(long bytes) {
        highThresh = bytes;
    }

    /** Bytes held by queued fragments. */
    long memory() {
        return mem;
    }

    /** Queues waiting for fragments. */
    int queues() {
        return queues.size();
    }

    /** The largest fragment of the datagram {@link #input} last returned (IPCB frag_max_size). */
    int fragMaxSize() {
        return fragMaxSize;
    }

    /**
     * Takes a fragment (reader index at its IPv4 header, writer index at its end) and ownership
     * of it. Returns the reassembled datagram when this fragment completed one, else null.
     */
    ByteBuf input(ByteBuf packet) {
        stats.reasmReqds++;
        if (highThresh == 0 || mem > highThresh) {
            stats.reasmFails++;
            packet.release();
            return null;
        }
        Ipv4Packet p = ip.wrap(packet, packet.readerIndex());
        Key key = new Key(p.src(), p.dst(), p.protocol(), p.ident());
        Queue q = queues.get(key);
        if (q == null) {
            q = new Queue(key);
            queues.put(key, q);
        }
        return queue(q, packet);
    }

    /** ip_frag_queue. */
    private ByteBuf queue(Queue q, ByteBuf packet) {
        Ipv4Packet p = ip.wrap(packet, packet.readerIndex());
        int ihl = p.headerLength();
        int word = p.flagsFrag();
        int offset = (word & Ipv4Packet.FRAG_OFFSET_MASK) * 8;
        boolean more = (word & Ipv4Packet.FLAG_MF) != 0;
        int fragSize = p.totalLength();
        int end = offset + fragSize - ihl;
        if (!more) {
            // If we already have bits beyond the end or a different end, the datagram is corrupt.
            if (end < q.len || (q.lastIn && end != q.len)) {
                return discard(q, packet);
            }
            q.lastIn = true;
            q.len = end;
        } else {
            if ((end & 7) != 0) {
                end &= ~7;
                packet.writerIndex(packet.readerIndex() + ihl + end - offset);
            }
            if (end > q.len) {
                if (q.lastIn) {
                    return discard(q, packet);
                }
                q.len = end;
            }
        }
        if (end == offset) {
            return discard(q, packet);
        }
        int at = insertionPoint(q, offset, end);
        if (at == DUPLICATE) {
            packet.release();
            return null;
        }
        if (at == OVERLAP) {
            stats.reasmOverlaps++;
            return discard(q, packet);
        }
        q.fragments.add(at, new Fragment(offset, end, packet));
        mem += packet.capacity();
        q.meat += end - offset;
        if (offset == 0) {
            q.firstIn = true;
        }
        q.maxSize = Math.max(q.maxSize, fragSize);
        if ((word & Ipv4Packet.FLAG_DF) != 0) {
            q.maxDfSize = Math.max(q.maxDfSize, fragSize);
        }
        if (q.firstIn && q.lastIn && q.meat == q.len) {
            return reassemble(q);
        }
        return null;
    }

    /**
     * inet_frag_queue_insert: where [offset, end) goes among the queued fragments, or DUPLICATE
     * when a run of contiguous fragments already holds all of it, or OVERLAP when it covers part
     * of one.
     */
    private static int insertionPoint(Queue q, int offset, int end) {
        List<Fragment> fs = q.fragments;
        int i = 0;
        while (i < fs.size()) {
            int runStart = fs.get(i).offset;
            int j = i;
            while (j + 1 < fs.size() && fs.get(j + 1).offset == fs.get(j).end) {
                j++;
            }
            int runEnd = fs.get(j).end;
            if (end <= runStart) {
                return i;
            }
            if (offset < runEnd) {
                return offset >= runStart && end <= runEnd ? DUPLICATE : OVERLAP;
            }
            i = j + 1;
        }
        return fs.size();
    }

    /** ip_frag_reasm: the first fragment's header, every fragment's payload in order. */
    private ByteBuf reassemble(Queue q) {
        kill(q);
        ByteBuf head = q.fragments.get(0).packet;
        int ihl = ip.wrap(head, head.readerIndex()).headerLength();
        if (ihl + q.len > MAX_DATAGRAM) {
            // "Oversized IP packet from ..." in the kernel log.
            stats.reasmFails++;
            free(q);
            return null;
        }
        ByteBuf whole = Frames.allocate(ihl + q.len);
        whole.writeBytes(head, head.readerIndex(), ihl);
        for (Fragment f : q.fragments) {
            ip.wrap(f.packet, f.packet.readerIndex());
            whole.writeBytes(f.packet, ip.payloadOffset(), f.end - f.offset);
        }
        free(q);
        // IPSKB_FRAG_PMTU: DF on every fragment keeps DF on the whole (and on a forwarder's re-fragments).
        boolean pmtu = q.maxDfSize == q.maxSize;
        fragMaxSize = Math.max(q.maxSize, q.maxDfSize);
        ip.wrap(whole, whole.readerIndex()).flagsFrag(pmtu ? Ipv4Packet.FLAG_DF : 0);
        ip.totalLength(ihl + q.len).fillChecksum();
        stats.reasmOks++;
        return whole;
    }

    /** ip_expire: the timer ran out before the datagram was whole. */
    private void expire(Queue q) {
        if (queues.get(q.key) != q) {
            return;
        }
        queues.remove(q.key);
        stats.reasmFails++;
        stats.reasmTimeout++;
        if (q.firstIn && !q.fragments.isEmpty() && q.fragments.get(0).offset == 0) {
            timeExceeded.accept(q.fragments.get(0).packet);
        }
        free(q);
    }

    /** discard_qp: the queue dies with this fragment. */
    private ByteBuf discard(Queue q, ByteBuf packet) {
        stats.reasmFails++;
        kill(q);
        free(q);
        packet.release();
        return null;
    }

    /** inet_frag_kill: unhash the queue and stop its timer. */
    private void kill(Queue q) {
        q.timer.cancel();
        queues.remove(q.key);
    }

    private void free(Queue q) {
        for (Fragment f : q.fragments) {
            mem -= f.packet.capacity();
            f.packet.release();
        }
        q.fragments.clear();
    }

    /** Drops every queue (namespace deleted). */
    void clear() {
        for (Queue q : new ArrayList<>(queues.values())) {
            kill(q);
            free(q);
        }
    }
}
