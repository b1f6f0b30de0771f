package dev.dockwire.link;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import io.netty.util.collection.LongObjectHashMap;
import io.netty.util.collection.LongObjectMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bridge's forwarding database: MAC → port, learned from source addresses and aged out after
 * {@code ageing_time} (300 s by default, like the kernel's {@code BR_DEFAULT_AGEING_TIME}).
 * Keyed by the primitive MAC, so lookups and refreshes on the forwarding path allocate nothing.
 * An expired entry is never used, whether or not the garbage-collection timer has run yet.
 */
public final class Fdb {
    public static final long DEFAULT_AGEING_NANOS = 300_000_000_000L;

    private final EventLoop loop;
    /** No MAC: a 48-bit address is never negative. */
    private static final long NONE = -1;

    private final LongObjectHashMap<FdbEntry> entries = new LongObjectHashMap<>();
    /**
     * The last destination looked up and the last source learned, with their entries (or null):
     * a flow's frames repeat both, so the map is asked once per flow, not twice per frame. Any
     * change to the map forgets them.
     */
    private long lookedUpMac = NONE;
    private FdbEntry lookedUp;
    private long learnedMac = NONE;
    private FdbEntry learned;
    private long ageingNanos = DEFAULT_AGEING_NANOS;
    private Timeout gc;

    Fdb(EventLoop loop) {
        this.loop = loop;
    }

    public long ageingNanos() {
        return ageingNanos;
    }

    /** Like {@code ip link set BR type bridge ageing_time T}. */
    public void ageingNanos(long nanos) {
        this.ageingNanos = nanos;
    }

    /** The live entry for {@code mac}, or null (unknown or aged out). */
    public FdbEntry lookup(long mac) {
        FdbEntry e;
        if (mac == lookedUpMac) {
            e = lookedUp;
        } else {
            e = entries.get(mac);
            lookedUpMac = mac;
            lookedUp = e;
        }
        if (e != null && expired(e, loop.nanos())) {
            remove(mac);
            return null;
        }
        return e;
    }

    /** Records that {@code mac} was seen on {@code port} now (br_fdb_update). */
    void learn(long mac, BridgePort port) {
        long now = loop.nanos();
        FdbEntry e;
        if (mac == learnedMac) {
            e = learned;
        } else {
            e = entries.get(mac);
            learnedMac = mac;
            learned = e;
        }
        if (e == null) {
            put(mac, new FdbEntry(mac, port, now, false, false));
            scheduleGc(now + ageingNanos);
        } else if (!e.local && !e.permanent) {
            // A station that moved to another port is re-pointed (the kernel does the same); as
            // br_fdb_update, a field is written only when it changes: the port is a reference,
            // whose store costs G1 a card-mark fence.
            if (e.port != port) {
                e.port = port;
            }
            e.updated = now;
        }
    }

    void addLocal(long mac, BridgePort port) {
        put(mac, new FdbEntry(mac, port, loop.nanos(), true, true));
    }

    /** A static entry, like {@code bridge fdb add MAC dev PORT master static}. */
    public void addStatic(long mac, BridgePort port) {
        put(mac, new FdbEntry(mac, port, loop.nanos(), false, true));
    }

    public boolean remove(long mac) {
        forget();
        return entries.remove(mac) != null;
    }

    /** Forgets every entry that points at {@code port} (port removed). */
    void flushPort(BridgePort port) {
        forget();
        entries.values().removeIf(e -> e.port == port);
    }

    private void put(long mac, FdbEntry e) {
        forget();
        entries.put(mac, e);
    }

    /** The map changes: the remembered lookups may no longer be its answers. */
    private void forget() {
        lookedUpMac = NONE;
        lookedUp = null;
        learnedMac = NONE;
        learned = null;
    }

    /** Live entries, sorted by port then MAC, for listings. */
    public List<FdbEntry> entries() {
        long now = loop.nanos();
        List<FdbEntry> out = new ArrayList<>();
        for (LongObjectMap.PrimitiveEntry<FdbEntry> pe : entries.entries()) {
            if (!expired(pe.value(), now)) {
                out.add(pe.value());
            }
        }
        out.sort(Comparator.comparing((FdbEntry e) -> e.port == null ? "" : e.port.dev.name())
                .thenComparing(e -> e.local)
                .thenComparingLong(e -> e.mac));
        return out;
    }

    private boolean expired(FdbEntry e, long now) {
        return !e.permanent && now - e.updated >= ageingNanos;
    }

    private void scheduleGc(long at) {
        if (gc != null && !gc.isCancelled() && gc.deadline() <= at) {
            return;
        }
        if (gc != null) {
            gc.cancel();
        }
        gc = loop.schedule(Math.max(0, at - loop.nanos()), this::collect);
    }

    /** br_fdb_cleanup: drop expired entries, then sleep until the next one would expire. */
    private void collect() {
        gc = null;
        long now = loop.nanos();
        long next = Long.MAX_VALUE;
        var it = entries.values().iterator();
        while (it.hasNext()) {
            FdbEntry e = it.next();
            if (e.permanent) {
                continue;
            }
            if (expired(e, now)) {
                forget();
                it.remove();
            } else {
                next = Math.min(next, e.updated + ageingNanos);
            }
        }
        if (next != Long.MAX_VALUE) {
            scheduleGc(next);
        }
    }
}
