package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * A subset of the kernel's IP MIB counters (IPSTATS_MIB_*: the {@code Ip:} lines of {@code nstat}/{@code netstat -s}
 * and the {@code IpExt:} ones of /proc/net/netstat), counted where Linux 6.1 counts them: ip_rcv_core's
 * {@code __IP_UPD_PO_STATS(IPSTATS_MIB_IN)} and ECN tally, ip_rcv_finish's broadcast/multicast ones, ip_output's
 * {@code IP_UPD_PO_STATS(IPSTATS_MIB_OUT)} (which in 6.1 counts forwarded packets as OutRequests too: 6.3 moved
 * OutRequests to ip_local_out and added OutTransmits) and ip_forward_finish's.
 */
public final class IpMib {
    public long inReceives;
    public long inHdrErrors;
    public long inAddrErrors;
    public long inUnknownProtos;
    public long inDelivers;
    public long forwarded;
    public long outRequests;
    public long outNoRoutes;
    public long fragOks;
    public long fragCreates;
    public long fragFails;
    /** IpExt: ip_error's ENETUNREACH (a packet to forward without a route). */
    public long inNoRoutes;
    public long inOctets;
    public long outOctets;
    public long inBcastPkts;
    public long inBcastOctets;
    public long outBcastPkts;
    public long outBcastOctets;
    public long inMcastPkts;
    public long inMcastOctets;
    /**
     * InNoECTPkts less InReceives: IPSTATS_MIB_NOECTPKTS counts the common packet (not ECN-capable, not GSO) exactly as
     * InReceives does, so only the others adjust it (see {@link #inNoEctPkts()}) and the receive path bumps one counter less.
     */
    private long noEctLessReceives;
    /** IPSTATS_MIB_NOECTPKTS + (tos & INET_ECN_MASK): by the ECN bits of each packet received (segments of a GSO one). */
    public long inEct1Pkts;
    public long inEct0Pkts;
    public long inCePkts;

    /**
     * ip_rcv_core for a valid header at {@code off} of {@code frame}: InReceives and InOctets (the length with any
     * link padding), then {@code IPSTATS_MIB_NOECTPKTS + (iph->tos & INET_ECN_MASK)} by gso_segs. One call from the
     * receive path, the rare ECN-marked packet out of line: ip_rcv's code stays small for the JIT's inlining.
     */
    void received(ByteBuf frame, int off) {
        inReceives++; // and InNoECTPkts, for a packet neither ECN-capable nor GSO
        inOctets += frame.writerIndex() - off;
        int ecn = Ipv4Packet.firstWord(frame, off) >>> 16 & 3; // the TOS byte's ECN bits, by the accessor ip_rcv's check used
        if (ecn != 0 || Frames.isGso(frame)) {
            ecn(ecn, Frames.gsoSegs(frame));
        }
    }

    /** ip_rcv_core's inhdr_error for a packet of {@code len} bytes: InReceives and InOctets count it before the check. */
    void headerError(int len) {
        inReceives++;
        inOctets += len;
        inHdrErrors++;
        noEctLessReceives--; // not tallied by ECN
    }

    /** The tally of a packet that {@link #received} did not count as one InNoECTPkts with its InReceives. */
    private void ecn(int ecn, int segs) {
        switch (ecn) {
            case 0 -> noEctLessReceives += segs - 1;
            case 1 -> inEct1Pkts += segs;
            case 2 -> inEct0Pkts += segs;
            default -> inCePkts += segs;
        }
        if (ecn != 0) {
            noEctLessReceives--;
        }
    }

    /** IpExt InNoECTPkts: the segments received without ECN-capable transport. */
    public long inNoEctPkts() {
        return inReceives + noEctLessReceives;
    }

    /**
     * Whether {@code dst} is a broadcast or multicast address of {@code ns}, counted as ip_rcv_finish counts by the
     * input route's type (IPSTATS_MIB_INBCAST / INMCAST); asked only of a destination that is not local.
     */
    boolean bcastMcast(StackNet ns, int dst, int len) {
        if ((dst >>> 28) == 0xE) {
            inMcastPkts++;
            inMcastOctets += len;
            return true;
        }
        if (ns.isBroadcast(dst)) {
            inBcastPkts++;
            inBcastOctets += len;
            return true;
        }
        return false;
    }

    /** ip_finish_output2's IP_UPD_PO_STATS(IPSTATS_MIB_OUTBCAST) for a packet to a broadcast route. */
    void outBcast(int len) {
        outBcastPkts++;
        outBcastOctets += len;
    }

    /** ip_output's IP_UPD_PO_STATS(IPSTATS_MIB_OUT): a packet of {@code len} bytes handed to the output path. */
    void sent(int len) {
        outRequests++;
        outOctets += len;
    }

    /**
     * A packet of {@code len} bytes forwarded: ip_forward_finish's OutForwDatagrams and OutOctets, then (6.1)
     * ip_output's OutRequests and OutOctets again, as the slow path and the flow table both count it.
     */
    void forwarded(int len) {
        forwarded++;
        outRequests++;
        outOctets += 2L * len;
    }
}
