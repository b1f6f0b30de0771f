package dev.dockwire.netfilter.conntrack;

import dev.dockwire.netfilter.Conn;

/**
 * The conntrack hash ({@code nf_conntrack_hash}): both tuples of every confirmed connection,
 * each mapping to the connection and its direction. Open addressing over primitive keys with
 * backward-shift deletion, so a lookup allocates nothing; a slot's two key words sit side by
 * side in one array, so a probe reads one cache line of keys and one of connections.
 */
final class ConntrackHash {
    /** Slot i's tuple: {@code keys[2i]} the addresses, {@code keys[2i + 1]} the protocol and ports. */
    private long[] keys;
    private Conn[] conns;
    private byte[] dirs;
    private int size;
    private int mask;
    /** The direction of the last successful {@link #find}. */
    int foundDir;

    /**
     * The table of a namespace that has tracked nothing yet (most of them: every container's nat
     * table loads conntrack for the resolver's rules): one free slot shared by all, never written,
     * since the first {@link #put} grows first.
     */
    private static final long[] NO_KEYS = new long[2];
    private static final Conn[] NO_CONNS = new Conn[1];
    private static final byte[] NO_DIRS = new byte[1];
    private static final int FIRST = 8; // most namespaces track a handful of flows; the table doubles as it fills

    ConntrackHash() {
        keys = NO_KEYS;
        conns = NO_CONNS;
        dirs = NO_DIRS;
        mask = 0;
    }

    private void allocate(int capacity) {
        keys = new long[2 * capacity];
        conns = new Conn[capacity];
        dirs = new byte[capacity];
        mask = capacity - 1;
        size = 0;
    }

    static long key1(int src, int dst) {
        return ((long) src << 32) | (dst & 0xFFFF_FFFFL);
    }

    static long key2(int proto, int sport, int dport) {
        return ((long) proto << 32) | ((long) (sport & 0xFFFF) << 16) | (dport & 0xFFFF);
    }

    private int slot(long a, long b) {
        long h = a * 0x9E37_79B9_7F4A_7C15L ^ b * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }

    /** The connection with this tuple in either direction (direction in {@link #foundDir}), or null. */
    Conn find(int proto, int src, int dst, int sport, int dport) {
        long a = key1(src, dst);
        long b = key2(proto, sport, dport);
        for (int i = slot(a, b); ; i = (i + 1) & mask) {
            Conn c = conns[i];
            if (c == null) {
                return null;
            }
            if (keys[2 * i] == a && keys[2 * i + 1] == b) {
                foundDir = dirs[i];
                return c;
            }
        }
    }

    void put(int dir, Conn c) {
        if ((size + 1) * 2 > conns.length) {
            grow();
        }
        insert(key1(c.src(dir), c.dst(dir)), key2(c.proto, c.sport(dir), c.dport(dir)), c, dir);
    }

    private void insert(long a, long b, Conn c, int dir) {
        int i = slot(a, b);
        while (conns[i] != null) {
            i = (i + 1) & mask;
        }
        keys[2 * i] = a;
        keys[2 * i + 1] = b;
        conns[i] = c;
        dirs[i] = (byte) dir;
        size++;
    }

    private void grow() {
        long[] ok = keys;
        Conn[] oc = conns;
        byte[] od = dirs;
        allocate(Math.max(FIRST, oc.length * 2));
        for (int i = 0; i < oc.length; i++) {
            if (oc[i] != null) {
                insert(ok[2 * i], ok[2 * i + 1], oc[i], od[i]);
            }
        }
    }

    /** Removes the entry for {@code c}'s tuple in direction {@code dir}, if it is {@code c}'s. */
    void remove(int dir, Conn c) {
        long a = key1(c.src(dir), c.dst(dir));
        long b = key2(c.proto, c.sport(dir), c.dport(dir));
        int i = slot(a, b);
        while (conns[i] != null) {
            if (conns[i] == c && keys[2 * i] == a && keys[2 * i + 1] == b) {
                delete(i);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void delete(int hole) {
        conns[hole] = null;
        size--;
        int i = (hole + 1) & mask;
        while (conns[i] != null) {
            int home = slot(keys[2 * i], keys[2 * i + 1]);
            // Move the entry back when its home slot is not in (hole, i].
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[2 * hole] = keys[2 * i];
                keys[2 * hole + 1] = keys[2 * i + 1];
                conns[hole] = conns[i];
                dirs[hole] = dirs[i];
                conns[i] = null;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }
}
