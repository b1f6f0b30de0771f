package dev.dockwire.journey;

/**
 * Packet identities ({@link PacketKey} as two longs: {@link PacketKey#hi} and {@link PacketKey#lo})
 * to journey numbers: an open-addressing hash table with linear probing, so a lookup on the path
 * allocates nothing. Entries of forgotten journeys are dropped in one pass ({@link #forgetBelow})
 * when the recorder forgets; the table doubles when it is half full. Not thread-safe.
 */
final class JourneyKeys {
    private long[] his;
    private long[] los;
    /** The journey of each slot; 0 marks an empty slot (journeys are numbered from 1). */
    private int[] ids;
    private int size;

    JourneyKeys() {
        allocate(1 << 12);
    }

    private void allocate(int n) {
        his = new long[n];
        los = new long[n];
        ids = new int[n];
        size = 0;
    }

    private static int slot(long hi, long lo, int mask) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ h >>> 29) & mask;
    }

    /** The journey of this identity, or 0. */
    int get(long hi, long lo) {
        int mask = ids.length - 1;
        for (int i = slot(hi, lo, mask); ; i = i + 1 & mask) {
            int id = ids[i];
            if (id == 0) {
                return 0;
            }
            if (his[i] == hi && los[i] == lo) {
                return id;
            }
        }
    }

    /** Maps this identity to journey {@code id} (replacing what it mapped to). */
    void put(long hi, long lo, int id) {
        if (2 * (size + 1) > ids.length) {
            rehash(ids.length * 2, 0);
        }
        int mask = ids.length - 1;
        for (int i = slot(hi, lo, mask); ; i = i + 1 & mask) {
            if (ids[i] == 0) {
                his[i] = hi;
                los[i] = lo;
                ids[i] = id;
                size++;
                return;
            }
            if (his[i] == hi && los[i] == lo) {
                ids[i] = id;
                return;
            }
        }
    }

    /** Drops every identity of a journey numbered below {@code oldest}. */
    void forgetBelow(int oldest) {
        rehash(ids.length, oldest);
    }

    private void rehash(int capacity, int oldest) {
        long[] h = his;
        long[] l = los;
        int[] j = ids;
        allocate(capacity);
        int mask = capacity - 1;
        for (int s = 0; s < j.length; s++) {
            if (j[s] != 0 && j[s] >= oldest) {
                int i = slot(h[s], l[s], mask);
                while (ids[i] != 0) {
                    i = i + 1 & mask;
                }
                his[i] = h[s];
                los[i] = l[s];
                ids[i] = j[s];
                size++;
            }
        }
    }
}
