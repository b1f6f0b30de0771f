package dev.dockwire.journey;

/**
 * Packet identities ({@link PacketKey} as two longs: {@link PacketKey#hi} and {@link PacketKey#lo})
 * to journey numbers: an open-addressing hash table with linear probing, each slot's identity and
 * journey side by side in one array, so a lookup on the path touches one cache line and
 * allocates nothing. Entries of forgotten journeys are dropped in one pass ({@link #forgetBelow})
 * into a spare table of the same size, which then swaps places with this one; the table doubles
 * when it is three quarters full. Not thread-safe.
 */
final class JourneyKeys {
    /** Longs per slot: hi, lo, the journey (0: an empty slot; journeys are numbered from 1), one spare. */
    private static final int STRIDE = 4;

    private long[] table;
    private long[] spare;
    private int mask;
    private int size;

    JourneyKeys() {
        table = new long[(1 << 12) * STRIDE];
        spare = new long[table.length];
        mask = (1 << 12) - 1;
    }

    /**
     * A hash of everything but the identification, plus the identification: a flow's packets,
     * numbered one after another (Linux's per-destination IP ID), take slots one after another,
     * so the lookups of a burst stay in a few cache lines.
     */
    private static int slot(long hi, long lo, int mask) {
        long h = (hi >>> 16) * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        return (int) ((h ^ h >>> 29) + (hi & 0xFFFF)) & mask;
    }

    /** The journey of this identity, or 0. */
    int get(long hi, long lo) {
        long[] t = table;
        for (int i = slot(hi, lo, mask); ; i = i + 1 & mask) {
            int at = i * STRIDE;
            int id = (int) t[at + 2];
            if (id == 0) {
                return 0;
            }
            if (t[at] == hi && t[at + 1] == lo) {
                return id;
            }
        }
    }

    /** Maps this identity to journey {@code id} (replacing what it mapped to). */
    void put(long hi, long lo, int id) {
        if (4 * (size + 1) > 3 * (mask + 1)) {
            spare = new long[2 * table.length];
            rehash(0);
            spare = new long[table.length];
        }
        long[] t = table;
        for (int i = slot(hi, lo, mask); ; i = i + 1 & mask) {
            int at = i * STRIDE;
            if (t[at + 2] == 0) {
                t[at] = hi;
                t[at + 1] = lo;
                t[at + 2] = id;
                size++;
                return;
            }
            if (t[at] == hi && t[at + 1] == lo) {
                t[at + 2] = id;
                return;
            }
        }
    }

    /** Drops every identity of a journey numbered below {@code oldest}. */
    void forgetBelow(int oldest) {
        java.util.Arrays.fill(spare, 0);
        rehash(oldest);
    }

    /** Moves the entries of journeys from {@code oldest} into {@link #spare} (zeroed), which becomes the table. */
    private void rehash(int oldest) {
        long[] from = table;
        long[] to = spare;
        int m = to.length / STRIDE - 1;
        size = 0;
        for (int at = 0; at < from.length; at += STRIDE) {
            int id = (int) from[at + 2];
            if (id != 0 && id >= oldest) {
                int i = slot(from[at], from[at + 1], m);
                while (to[i * STRIDE + 2] != 0) {
                    i = i + 1 & m;
                }
                to[i * STRIDE] = from[at];
                to[i * STRIDE + 1] = from[at + 1];
                to[i * STRIDE + 2] = id;
                size++;
            }
        }
        table = to;
        spare = from;
        mask = m;
    }
}
