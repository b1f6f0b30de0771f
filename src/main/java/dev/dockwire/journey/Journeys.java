package dev.dockwire.journey;

import io.netty.buffer.ByteBuf;

/**
 * The journeys being recorded, numbered from 1, the live ones {@link #oldest} to {@link #next}
 * minus one, each in a slot of parallel arrays (its number modulo the capacity): where it began,
 * the first bytes of its packet (described only when read), the chain of its records in the
 * {@link StepLog}, how many steps it has, the records that ended it and its decisions for the
 * summary. Slots double up to {@link #MAX_SLOTS}; past that nothing is allocated to begin a journey.
 */
final class Journeys {
    /** Steps kept per journey: a packet looping between bridges would otherwise grow without end. */
    static final int MAX_STEPS = 256;
    /** Decisions kept for the summary: a capture's comment is a line, not the whole journey. */
    static final int MAX_DECISIONS = 6;
    /**
     * Decision records kept per journey: each differs from the others in what it holds; the
     * summary says the first {@link #MAX_DECISIONS} that differ in their text.
     */
    static final int DECISION_SLOTS = 2 * MAX_DECISIONS;
    /** Slots at most: a power of two above {@link JourneyRecorder#MAX_JOURNEYS}. */
    static final int MAX_SLOTS = 1 << 15;
    private static final int BYTES = PacketKey.DESCRIBED;

    int oldest = 1;
    int next = 1;
    private int mask;
    int[] id;
    Object[] origin;
    int[] first;
    int[] last;
    int[] steps;
    int[] omitted;
    int[] delivered;
    int[] dropped;
    int[] decisionCount;
    /** Per slot {@link #DECISION_SLOTS} decisions: a record index shifted left 3, or'ed with its {@link StepText} decision. */
    int[] decisions;
    int[] length;
    int[] copied;
    byte[] packet;

    Journeys() {
        allocate(1 << 8);
    }

    private void allocate(int n) {
        int[] oldId = id;
        Object[] oldOrigin = origin;
        int[][] oldInts = oldId == null ? null : new int[][] {first, last, steps, omitted, delivered, dropped, decisionCount, length, copied};
        int[] oldDecisions = decisions;
        byte[] oldPacket = packet;
        int oldMask = mask;
        mask = n - 1;
        id = new int[n];
        origin = new Object[n];
        first = new int[n];
        last = new int[n];
        steps = new int[n];
        omitted = new int[n];
        delivered = new int[n];
        dropped = new int[n];
        decisionCount = new int[n];
        length = new int[n];
        copied = new int[n];
        decisions = new int[n * DECISION_SLOTS];
        packet = new byte[n * BYTES];
        if (oldId == null) {
            return;
        }
        int[][] ints = {first, last, steps, omitted, delivered, dropped, decisionCount, length, copied};
        for (int j = oldest; j < next; j++) {
            int from = j & oldMask;
            int to = j & mask;
            id[to] = oldId[from];
            origin[to] = oldOrigin[from];
            for (int f = 0; f < ints.length; f++) {
                ints[f][to] = oldInts[f][from];
            }
            System.arraycopy(oldDecisions, from * DECISION_SLOTS, decisions, to * DECISION_SLOTS, DECISION_SLOTS);
            System.arraycopy(oldPacket, from * BYTES, packet, to * BYTES, BYTES);
        }
    }

    int size() {
        return next - oldest;
    }

    /** The slot of journey {@code j}. */
    int slot(int j) {
        return j & mask;
    }

    /** Whether {@code j} is a journey still kept. */
    boolean live(int j) {
        return j >= oldest && j < next;
    }

    /** Begins the next journey with the packet {@code buf} holds, first seen at {@code at}; returns its number. */
    int begin(ByteBuf buf, Object at) {
        if (next - oldest == mask + 1) {
            allocate(Math.min(2 * (mask + 1), MAX_SLOTS));
        }
        int j = next++;
        int s = j & mask;
        id[s] = j;
        origin[s] = at;
        first[s] = StepLog.NONE;
        last[s] = StepLog.NONE;
        steps[s] = 0;
        omitted[s] = 0;
        delivered[s] = StepLog.NONE;
        dropped[s] = StepLog.NONE;
        decisionCount[s] = 0;
        int n = buf.readableBytes();
        int copy = Math.min(n, BYTES);
        length[s] = n;
        copied[s] = copy;
        buf.getBytes(buf.readerIndex(), packet, s * BYTES, copy);
        return j;
    }

    /** Forgets the journeys numbered below {@code j}. */
    void forgetBelow(int j) {
        for (int i = oldest; i < j && i < next; i++) {
            origin[i & mask] = null; // the device may go; the slot must not keep it
        }
        oldest = Math.max(oldest, Math.min(j, next));
    }

    boolean ended(int s) {
        return delivered[s] != StepLog.NONE || dropped[s] != StepLog.NONE;
    }
}
