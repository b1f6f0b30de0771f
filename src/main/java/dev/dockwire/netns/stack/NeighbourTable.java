package dev.dockwire.netns.stack;

import dev.dockwire.link.DropReason;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ARP cache of a namespace with Linux's NUD timers (net.ipv4.neigh.default.*):
 * an unresolved address is INCOMPLETE, probed by broadcast ARP up to {@code mcast_solicit} (3)
 * times {@code retrans_time} (1 s) apart, then FAILED; queued packets then get ICMP host
 * unreachable. A resolved entry is REACHABLE for a random 0.5–1.5 × {@code base_reachable_time}
 * (30 s), then STALE; used while STALE it waits {@code delay_first_probe_time} (5 s) in DELAY, then
 * sends up to {@code ucast_solicit} (3) unicast probes in PROBE. Keyed by (ifindex, address)
 * as a primitive long: the send path allocates nothing.
 */
public final class NeighbourTable {
    public static final long RETRANS_NANOS = 1_000_000_000L;
    public static final long BASE_REACHABLE_NANOS = 30_000_000_000L;
    public static final long DELAY_FIRST_PROBE_NANOS = 5_000_000_000L;
    public static final int MCAST_SOLICIT = 3;
    public static final int UCAST_SOLICIT = 3;
    /** Packets queued per unresolved entry (unres_qlen_bytes 212992 ≈ 100 full frames). */
    public static final int UNRES_QLEN = 100;

    /** What the table needs from the stack: send ARP requests, deliver or fail queued packets. */
    public interface Io {
        /** Broadcast ({@code targetMac == 0}) or unicast ARP request for {@code ip} on {@code dev}. */
        void solicit(NetDevice dev, int ip, long targetMac);

        /** A queued packet whose neighbour is now known: send it to {@code mac}. */
        void transmit(NetDevice dev, long mac, ByteBuf packet);

        /** A queued packet whose neighbour failed: report host unreachable, then release it. */
        void unreachable(NetDevice dev, ByteBuf packet);

        /** The tracepoints the table reports to. */
        default StackProbe probe() {
            return StackProbe.OFF;
        }
    }

    private final EventLoop loop;
    private final SeededRandom random;
    private final Io io;
    private LongObjectHashMap<Neighbour> entries = SparseMaps.noLongs();
    private static final int RECENT_BITS = 2;
    /** The entries recent output used, by next hop (direct-mapped): made by the first output to a known entry, dropped when an entry goes. */
    private Neighbour[] recent;
    /** Counts the removals (delete, flush): an entry held elsewhere (an offloaded flow's) is still the table's while it holds. */
    private int removals;

    public NeighbourTable(EventLoop loop, SeededRandom random, Io io) {
        this.loop = loop;
        this.random = random;
        this.io = io;
    }

    private void add(NetDevice dev, int ip, Neighbour n) {
        entries = SparseMaps.writable(entries);
        entries.put(key(dev, ip), n);
    }

    private static long key(NetDevice dev, int ip) {
        return ((long) dev.ifindex() << 32) | (ip & 0xFFFF_FFFFL);
    }

    /** How many times entries were removed: unchanged, every entry got since is still in the table. */
    public int removals() {
        return removals;
    }

    public Neighbour get(NetDevice dev, int ip) {
        return entries.get(key(dev, ip));
    }

    /**
     * Sends {@code packet} (reader index at the IP header) to {@code ip} on {@code dev}: at once
     * when the address is known, else after resolution (neigh_resolve_output).
     */
    public void output(NetDevice dev, int ip, ByteBuf packet) {
        // The entry the last packets to this next hop used, as the route's cached neighbour
        // (dst->neighbour before Linux 3.6, rt_gw4 + __ipv4_neigh_lookup_noref since): a hit costs
        // no hash lookup and stores nothing; removing an entry forgets it.
        Neighbour[] hot = recent;
        int slot = (ip * 0x9E37_79B9) >>> (32 - RECENT_BITS);
        Neighbour n = hot == null ? null : hot[slot];
        if (n == null || n.ip != ip || n.dev != dev) {
            n = entries.get(key(dev, ip));
            if (n != null) {
                if (hot == null) {
                    hot = recent = new Neighbour[1 << RECENT_BITS];
                }
                hot[slot] = n;
            }
        }
        NudState state = n == null ? null : n.state;
        io.probe().neighbour(dev, packet, ip, state);
        if (state == NudState.REACHABLE || state == NudState.PERMANENT) {
            // neigh_output of a NUD_CONNECTED entry (neigh_hh_output): the address as it is, no state to change.
            io.transmit(dev, n.mac, packet);
            return;
        }
        resolveOutput(dev, ip, n, packet);
    }

    /** neigh_resolve_output: an entry that is not NUD_CONNECTED, or none (made INCOMPLETE and probed). */
    private void resolveOutput(NetDevice dev, int ip, Neighbour n, ByteBuf packet) {
        if (n != null) {
            switch (n.state) {
                case REACHABLE, DELAY, PROBE, PERMANENT -> {
                    io.transmit(dev, n.mac, packet);
                    return;
                }
                case STALE -> {
                    enter(n, NudState.DELAY, DELAY_FIRST_PROBE_NANOS);
                    io.transmit(dev, n.mac, packet);
                    return;
                }
                case INCOMPLETE -> {
                    enqueue(n, packet);
                    return;
                }
                case FAILED -> {
                    // A new packet restarts resolution, as neigh_event_send does for FAILED.
                    n.probes = 0;
                }
            }
        } else {
            n = new Neighbour(dev, ip, NudState.INCOMPLETE);
            add(dev, ip, n);
        }
        n.state = NudState.INCOMPLETE;
        enqueue(n, packet);
        probe(n);
    }

    private void enqueue(Neighbour n, ByteBuf packet) {
        if (n.queue.size() >= UNRES_QLEN) {
            // Like __neigh_event_send: the oldest queued packet makes room.
            ByteBuf oldest = n.queue.poll();
            io.probe().drop(n.dev, oldest, DropReason.NEIGH_QUEUEFULL);
            oldest.release();
            n.dev.stats().txDropped++;
        }
        n.queue.add(packet);
    }

    private void probe(Neighbour n) {
        n.probes++;
        io.solicit(n.dev, n.ip, n.state == NudState.PROBE ? n.mac : 0);
        schedule(n, RETRANS_NANOS);
    }

    private void schedule(Neighbour n, long delay) {
        if (n.timer != null) {
            n.timer.cancel();
        }
        n.timer = loop.schedule(delay, () -> timer(n));
    }

    private void enter(Neighbour n, NudState state, long timeout) {
        n.state = state;
        schedule(n, timeout);
    }

    private void timer(Neighbour n) {
        n.timer = null;
        switch (n.state) {
            case INCOMPLETE -> {
                if (n.probes < MCAST_SOLICIT) {
                    probe(n);
                } else {
                    fail(n);
                }
            }
            case REACHABLE -> n.state = NudState.STALE;
            case DELAY -> {
                n.state = NudState.PROBE;
                n.probes = 0;
                probe(n);
            }
            case PROBE -> {
                if (n.probes < UCAST_SOLICIT) {
                    probe(n);
                } else {
                    fail(n);
                }
            }
            default -> {
            }
        }
    }

    private void fail(Neighbour n) {
        n.state = NudState.FAILED;
        ByteBuf p;
        while ((p = n.queue.poll()) != null) {
            io.unreachable(n.dev, p);
        }
    }

    /**
     * An ARP packet from {@code ip} at {@code mac}: a reply (or a request aimed at us) confirms
     * the entry; {@code create} says whether to add an entry that does not exist (arp_process
     * creates one for the sender of a request to a local address).
     */
    public void update(NetDevice dev, int ip, long mac, boolean confirmed, boolean create) {
        Neighbour n = entries.get(key(dev, ip));
        if (n == null) {
            if (!create) {
                return;
            }
            n = new Neighbour(dev, ip, NudState.STALE);
            n.mac = mac;
            add(dev, ip, n);
            if (confirmed) {
                enter(n, NudState.REACHABLE, reachableTime());
            }
            return;
        }
        if (n.state == NudState.PERMANENT) {
            return;
        }
        boolean changed = n.mac != mac;
        n.mac = mac;
        if (confirmed) {
            enter(n, NudState.REACHABLE, reachableTime());
        } else if (changed || n.state == NudState.INCOMPLETE || n.state == NudState.FAILED) {
            n.state = NudState.STALE;
            if (n.timer != null) {
                n.timer.cancel();
                n.timer = null;
            }
        }
        ByteBuf p;
        while ((p = n.queue.poll()) != null) {
            io.transmit(dev, n.mac, p);
        }
    }

    /** Like {@code ip neigh replace IP lladdr MAC dev DEV nud permanent}. */
    public void addPermanent(NetDevice dev, int ip, long mac) {
        Neighbour n = entries.get(key(dev, ip));
        if (n == null) {
            n = new Neighbour(dev, ip, NudState.PERMANENT);
            add(dev, ip, n);
        }
        if (n.timer != null) {
            n.timer.cancel();
            n.timer = null;
        }
        n.state = NudState.PERMANENT;
        n.mac = mac;
        ByteBuf p;
        while ((p = n.queue.poll()) != null) {
            io.transmit(dev, mac, p);
        }
    }

    /** Like {@code ip neigh del IP dev DEV}; returns false when there was no entry. */
    public boolean delete(NetDevice dev, int ip) {
        Neighbour n = entries.remove(key(dev, ip));
        if (n == null) {
            return false;
        }
        recent = null;
        removals++;
        if (n.timer != null) {
            n.timer.cancel();
        }
        n.queue.forEach(ByteBuf::release);
        n.queue.clear();
        return true;
    }

    /**
     * The MAC of an entry in a NUD_CONNECTED state (PERMANENT, NOARP or REACHABLE), else 0: what
     * vxlan's proxy ARP may answer with.
     */
    public long connectedMac(NetDevice dev, int ip) {
        Neighbour n = entries.get(key(dev, ip));
        return n != null && (n.state == NudState.PERMANENT || n.state == NudState.REACHABLE) ? n.mac : 0L;
    }

    /** Forgets entries on {@code dev}, releasing what they queued (device down or gone). */
    public void flush(NetDevice dev) {
        recent = null;
        removals++;
        var it = entries.values().iterator();
        while (it.hasNext()) {
            Neighbour n = it.next();
            if (n.dev == dev) {
                if (n.timer != null) {
                    n.timer.cancel();
                }
                n.queue.forEach(ByteBuf::release);
                n.queue.clear();
                it.remove();
            }
        }
    }

    /** Forgets every entry, releasing queued packets (the namespace is going away). */
    public void flushAll() {
        recent = null;
        removals++;
        for (Neighbour n : entries.values()) {
            if (n.timer != null) {
                n.timer.cancel();
            }
            n.queue.forEach(ByteBuf::release);
            n.queue.clear();
        }
        entries.clear();
    }

    /** Entries as {@code ip neigh} lists them. */
    public List<Neighbour> entries() {
        List<Neighbour> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing((Neighbour n) -> n.dev.name()).thenComparingInt(n -> n.ip));
        return list;
    }

    private long reachableTime() {
        // neigh_rand_reach_time: uniform in [base/2, 3*base/2).
        return BASE_REACHABLE_NANOS / 2 + (long) (random.nextDouble() * BASE_REACHABLE_NANOS);
    }
}
