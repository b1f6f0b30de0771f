package dev.dockwire.link;

import io.netty.util.collection.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forwarding table of a VXLAN device ({@code bridge fdb ... dev vx-... dst IP}, the kernel's
 * {@code vxlan_fdb}): inner MAC → one or more remote VTEP addresses. {@code append} adds a
 * destination to an entry (a frame to it is replicated to every one); the all-zeros MAC is the
 * default destination for unknown and broadcast MACs. Keyed by the MAC as a primitive long.
 */
public final class VxlanFdb {
    /** One entry: its MAC, remote VTEPs, and whether it was learned (else static). */
    public record Entry(long mac, int[] remotes, boolean learned) {
    }

    /** No MAC: a 48-bit address is never negative. */
    private static final long NONE = -1;

    private final LongObjectHashMap<Entry> entries = new LongObjectHashMap<>();
    /** The last lookup's MAC and answer (a flow sends to one MAC frame after frame); forgotten on every change. */
    private long lastMac = NONE;
    private Entry last;

    /** The entry for {@code mac}, else the all-zeros default entry, else null. */
    public Entry lookup(long mac) {
        if (mac == lastMac) {
            return last;
        }
        Entry e = entries.get(mac);
        if (e == null) {
            e = entries.get(0L);
        }
        lastMac = mac;
        last = e;
        return e;
    }

    private void put(long mac, Entry e) {
        lastMac = NONE;
        last = null;
        entries.put(mac, e);
    }

    /** Like {@code bridge fdb append MAC dev VX dst IP}: adds a remote to the entry (no duplicate). */
    public void append(long mac, int remote) {
        Entry e = entries.get(mac);
        if (e == null || e.learned) {
            put(mac, new Entry(mac, new int[] {remote}, false));
            return;
        }
        for (int r : e.remotes) {
            if (r == remote) {
                return;
            }
        }
        int[] more = Arrays.copyOf(e.remotes, e.remotes.length + 1);
        more[e.remotes.length] = remote;
        put(mac, new Entry(mac, more, false));
    }

    /** Learns {@code mac} behind {@code remote} (learning on); a static entry wins. */
    public void learn(long mac, int remote) {
        Entry e = entries.get(mac);
        if (e == null || (e.learned && e.remotes[0] != remote)) {
            put(mac, new Entry(mac, new int[] {remote}, true));
        }
    }

    /** Like {@code bridge fdb del MAC dev VX dst IP}; returns false when there was no such destination. */
    public boolean delete(long mac, int remote) {
        Entry e = entries.get(mac);
        if (e == null) {
            return false;
        }
        int[] rest = Arrays.stream(e.remotes).filter(r -> r != remote).toArray();
        if (rest.length == e.remotes.length) {
            return false;
        }
        lastMac = NONE;
        last = null;
        if (rest.length == 0) {
            entries.remove(mac);
        } else {
            put(mac, new Entry(mac, rest, e.learned));
        }
        return true;
    }

    /** Every entry, by MAC. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(entries.values());
        out.sort((a, b) -> Long.compareUnsigned(a.mac, b.mac));
        return out;
    }
}
