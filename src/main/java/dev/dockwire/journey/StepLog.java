package dev.dockwire.journey;

import java.util.Arrays;

/**
 * The journeys' steps as they are recorded: fixed-size binary records (what happened as a
 * {@link StepText} kind, where as an index into the recorder's places, four ints, two longs and
 * three references the path held), each linked to its journey's next record; text is made from
 * them only when a journey is read ({@link StepText}). A record is {@link #STRIDE} consecutive
 * longs (one cache line) and its references three consecutive slots, so recording one touches
 * two lines. Records are appended: the arrays double while they are below {@link #MAX_RECORDS},
 * then the oldest records are overwritten in turn (the recorder first forgets the journeys they
 * belong to, see {@link #owner}). Like the kernel's trace ring buffer, recording allocates nothing
 * once the log has grown; not thread-safe.
 */
final class StepLog {
    /** Records kept at most (2^18, 19 MB): past them the oldest are overwritten. */
    static final int MAX_RECORDS = 1 << 18;
    private static final int INITIAL = 1 << 12;
    /** Longs per record: time, owner and next, kind and place, a and b, c and d, x, y, one spare. */
    private static final int STRIDE = 8;
    private static final int REFS = 3;

    /** No record: the end of a journey's chain, a journey without a delivery. */
    static final int NONE = -1;

    /** Role bit kept with the kind: the record is one of its journey's steps (else kept only for a decision or the end). */
    static final int STEP = 1 << 16;
    private static final int KIND = STEP - 1;

    private long[] words = new long[INITIAL * STRIDE];
    private Object[] refs = new Object[INITIAL * REFS];
    /** Records ever appended; the next one goes at {@code appended % capacity} once the log is full. */
    private long appended;

    private int capacity() {
        return words.length / STRIDE;
    }

    /**
     * The index the next record will take, growing the log first while it may; the record there
     * (if {@link #occupied}) belongs to journey {@link #owner} of that index, which the caller
     * forgets before {@link #append}ing.
     */
    int reserve() {
        int cap = capacity();
        if (appended == cap && cap < MAX_RECORDS) {
            words = Arrays.copyOf(words, 2 * cap * STRIDE);
            refs = Arrays.copyOf(refs, 2 * cap * REFS);
        }
        return (int) (appended % capacity());
    }

    /** Whether the index {@link #reserve} gave holds a record still (the log has wrapped). */
    boolean occupied() {
        return appended >= capacity();
    }

    /** Writes record {@code i} (from {@link #reserve}) for journey {@code journey}, its arguments zero; returns it. */
    int append(int i, int journey, long time, int kind, int where) {
        appended++;
        int w = i * STRIDE;
        long[] l = words;
        l[w] = time;
        l[w + 1] = pack(journey, NONE);
        l[w + 2] = pack(kind, where);
        l[w + 3] = 0;
        l[w + 4] = 0;
        l[w + 5] = 0;
        l[w + 6] = 0;
        int o = i * REFS;
        refs[o] = null;
        refs[o + 1] = null;
        refs[o + 2] = null;
        return i;
    }

    private static long pack(int hi, int lo) {
        return (long) hi << 32 | lo & 0xFFFFFFFFL;
    }

    private static int high(long v) {
        return (int) (v >>> 32);
    }

    private static int low(long v) {
        return (int) v;
    }

    private void setHigh(int at, int v) {
        words[at] = pack(v, low(words[at]));
    }

    private void setLow(int at, int v) {
        words[at] = pack(high(words[at]), v);
    }

    long nanos(int r) {
        return words[r * STRIDE];
    }

    int owner(int r) {
        return high(words[r * STRIDE + 1]);
    }

    int next(int r) {
        return low(words[r * STRIDE + 1]);
    }

    void setNext(int r, int next) {
        setLow(r * STRIDE + 1, next);
    }

    int kindOf(int r) {
        return high(words[r * STRIDE + 2]) & KIND;
    }

    boolean isStep(int r) {
        return (high(words[r * STRIDE + 2]) & STEP) != 0;
    }

    int where(int r) {
        return low(words[r * STRIDE + 2]);
    }

    int a(int r) {
        return high(words[r * STRIDE + 3]);
    }

    int b(int r) {
        return low(words[r * STRIDE + 3]);
    }

    int c(int r) {
        return high(words[r * STRIDE + 4]);
    }

    int d(int r) {
        return low(words[r * STRIDE + 4]);
    }

    long x(int r) {
        return words[r * STRIDE + 5];
    }

    long y(int r) {
        return words[r * STRIDE + 6];
    }

    Object o(int r) {
        return refs[r * REFS];
    }

    Object p(int r) {
        return refs[r * REFS + 1];
    }

    Object q(int r) {
        return refs[r * REFS + 2];
    }

    void setA(int r, int v) {
        setHigh(r * STRIDE + 3, v);
    }

    void setB(int r, int v) {
        setLow(r * STRIDE + 3, v);
    }

    void setC(int r, int v) {
        setHigh(r * STRIDE + 4, v);
    }

    void setD(int r, int v) {
        setLow(r * STRIDE + 4, v);
    }

    void setX(int r, long v) {
        words[r * STRIDE + 5] = v;
    }

    void setY(int r, long v) {
        words[r * STRIDE + 6] = v;
    }

    void setO(int r, Object v) {
        refs[r * REFS] = v;
    }

    void setP(int r, Object v) {
        refs[r * REFS + 1] = v;
    }

    void setQ(int r, Object v) {
        refs[r * REFS + 2] = v;
    }
}
