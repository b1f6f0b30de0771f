package dev.dockwire.netns.stack;

/**
 * The ICMP MIB (ICMP_MIB_*) and ICMPMSG's per-type counts (ICMPMSG_MIB_INTYPE/OUTTYPE: slot {@code type} in,
 * {@code 0x100 + type} out, as net/ipv4/proc.c's icmpmsg_put reads them; its Icmp group's InEchos, OutDestUnreachs
 * ... are the same slots, icmp_put). Made by a namespace's first ICMP message; the 4 KB of per-type slots by the
 * first type counted.
 */
public final class IcmpMib {
    /** ICMPMSG_MIB_MAX: 256 types in, 256 out. */
    public static final int TYPES = 512;
    /** The slot of an outgoing type. */
    public static final int OUT = 0x100;
    public long inMsgs;
    public long inErrors;
    public long inCsumErrors;
    public long outMsgs;
    public long outErrors;
    private long[] msg;

    /** icmp_rcv's ICMPMSGIN_INC_STATS. */
    void inType(int type) {
        slots()[type & 0xFF]++;
    }

    /** icmp_out_count (from __ip_make_skb and raw_send_hdrinc): every ICMP message the host sends. */
    void outType(int type) {
        outMsgs++;
        slots()[OUT + (type & 0xFF)]++;
    }

    /** The count of slot {@code i} ({@code type} or {@link #OUT}{@code + type}). */
    public long msg(int i) {
        long[] m = msg;
        return m == null ? 0 : m[i];
    }

    private long[] slots() {
        long[] m = msg;
        if (m == null) {
            msg = m = new long[TYPES];
        }
        return m;
    }
}
