package dev.dockwire.capture;

import java.util.HashMap;
import java.util.Map;

/**
 * The initial sequence numbers of each TCP conversation, so that later segments print relative to
 * them: tcpdump's print-tcp.c tcp_seq_hash4. One entry serves both directions (the endpoints in a
 * fixed order); it is made, or made again, by the first segment with ACK set and by every SYN with
 * ACK, which itself still prints absolute numbers.
 */
final class TcpSeqTable {
    private record Key(long low, long high) {
    }

    /** The sequence numbers of the "low" endpoint's side ({@code seq}) and the other's ({@code ack}). */
    private static final class Entry {
        long seq;
        long ack;
    }

    private final Map<Key, Entry> flows = new HashMap<>();

    /**
     * The {seq, ack} to print for a segment with ACK set from {@code src:sport} to {@code dst:dport};
     * {@code syn} when it also has SYN.
     */
    long[] relative(int src, int sport, int dst, int dport, long seq, long ack, boolean syn) {
        long a = (src & 0xFFFF_FFFFL) << 16 | sport;
        long b = (dst & 0xFFFF_FFFFL) << 16 | dport;
        // tcpdump compares port, then address (memcmp of the tuples); any fixed order serves as well
        // for the numbers printed, since both directions land on the same entry.
        boolean rev = Long.compareUnsigned(a, b) > 0;
        Key key = rev ? new Key(b, a) : new Key(a, b);
        Entry e = flows.get(key);
        if (e == null || syn) {
            if (e == null) {
                e = new Entry();
                flows.put(key, e);
            }
            if (rev) {
                e.ack = seq;
                e.seq = (ack - 1) & 0xFFFF_FFFFL;
            } else {
                e.seq = seq;
                e.ack = (ack - 1) & 0xFFFF_FFFFL;
            }
            return new long[] {seq, ack};
        }
        return rev ? new long[] {(seq - e.ack) & 0xFFFF_FFFFL, (ack - e.seq) & 0xFFFF_FFFFL}
                : new long[] {(seq - e.seq) & 0xFFFF_FFFFL, (ack - e.ack) & 0xFFFF_FFFFL};
    }
}
