package dev.dockwire.journey;

import java.util.Arrays;

/**
 * The journeys' steps as they are recorded: fixed-size binary records (what happened as a
 * {@link StepText} kind, where as an index into the recorder's names, the integers, longs and
 * references the path held) in parallel arrays, each linked to its journey's next record; text is
 * made from them only when a journey is read ({@link StepText}). Records are appended: the arrays
 * double while they are below {@link #MAX_RECORDS}, then the oldest records are overwritten in
 * turn (the recorder first forgets the journeys they belong to, see {@link #owner}). Like the
 * kernel's trace ring buffer, recording allocates nothing once the log has grown; not thread-safe.
 */
final class StepLog {
    /** Records kept at most (2^18, about 18 MB): past them the oldest are overwritten. */
    static final int MAX_RECORDS = 1 << 18;
    private static final int INITIAL = 1 << 12;

    /** No record: the end of a journey's chain, a journey without a delivery. */
    static final int NONE = -1;

    /** Role bits kept with the kind: the record is one of its journey's steps (else kept only for a decision or the end). */
    static final int STEP = 1 << 16;
    private static final int KIND = STEP - 1;

    long[] nanos;
    int[] owner;
    int[] next;
    int[] kind;
    int[] where;
    int[] a;
    int[] b;
    int[] c;
    int[] d;
    long[] x;
    long[] y;
    Object[] o;
    Object[] p;
    Object[] q;
    /** Records ever appended; the next one goes at {@code appended % capacity} once the log is full. */
    private long appended;

    StepLog() {
        allocate(INITIAL);
    }

    private void allocate(int n) {
        nanos = nanos == null ? new long[n] : Arrays.copyOf(nanos, n);
        owner = owner == null ? new int[n] : Arrays.copyOf(owner, n);
        next = next == null ? new int[n] : Arrays.copyOf(next, n);
        kind = kind == null ? new int[n] : Arrays.copyOf(kind, n);
        where = where == null ? new int[n] : Arrays.copyOf(where, n);
        a = a == null ? new int[n] : Arrays.copyOf(a, n);
        b = b == null ? new int[n] : Arrays.copyOf(b, n);
        c = c == null ? new int[n] : Arrays.copyOf(c, n);
        d = d == null ? new int[n] : Arrays.copyOf(d, n);
        x = x == null ? new long[n] : Arrays.copyOf(x, n);
        y = y == null ? new long[n] : Arrays.copyOf(y, n);
        o = o == null ? new Object[n] : Arrays.copyOf(o, n);
        p = p == null ? new Object[n] : Arrays.copyOf(p, n);
        q = q == null ? new Object[n] : Arrays.copyOf(q, n);
    }

    /**
     * The index the next record will take, growing the log first while it may; the record there
     * (if the log has wrapped) belongs to journey {@link #owner} of that index, which the caller
     * forgets before {@link #append}ing.
     */
    int reserve() {
        int cap = kind.length;
        if (appended == cap && cap < MAX_RECORDS) {
            allocate(cap * 2);
        }
        return (int) (appended % kind.length);
    }

    /** Whether the index {@link #reserve} gave holds a record still (the log has wrapped). */
    boolean occupied() {
        return appended >= kind.length;
    }

    /** Writes record {@code i} (from {@link #reserve}) for journey {@code journey}, with no arguments yet; returns it. */
    int append(int i, int journey, long time, int k, int at) {
        appended++;
        owner[i] = journey;
        next[i] = NONE;
        nanos[i] = time;
        kind[i] = k;
        where[i] = at;
        a[i] = 0;
        b[i] = 0;
        c[i] = 0;
        d[i] = 0;
        x[i] = 0;
        y[i] = 0;
        o[i] = null;
        p[i] = null;
        q[i] = null;
        return i;
    }

    int kindOf(int i) {
        return kind[i] & KIND;
    }

    boolean isStep(int i) {
        return (kind[i] & STEP) != 0;
    }
}
