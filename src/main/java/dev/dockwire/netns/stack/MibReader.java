package dev.dockwire.netns.stack;

/**
 * Reads what a stack counts under the names the kernel prints it by (include/uapi/linux/snmp.h as
 * net/ipv4/proc.c's snmp4_ipstats_list, snmp4_tcp_list, snmp4_udp_list and snmp4_net_list spell
 * them): the IP MIB ({@link IpMib}) with IpExt's, ICMP's and IcmpMsg's ({@link IcmpMib}), TCP's
 * ({@code Tcp.Counters}) and UDP's ({@link UdpMib}). Only a reader: the
 * counting stays where each layer counts; a counter the stack does not keep is not reported, and
 * whoever lays out /proc fills it in as zero.
 */
public final class MibReader {
    /** Receives one counter: its /proc group ({@code Ip}, {@code Icmp}, {@code IcmpMsg}, {@code Tcp}, {@code Udp}, {@code TcpExt}, {@code IpExt}), name and value. */
    @FunctionalInterface
    public interface Sink {
        void counter(String group, String name, long value);
    }

    private MibReader() {
    }

    /** net/ipv4/proc.c's icmpmibmap: the Icmp group's per-type names, read from the IcmpMsg slots. */
    private static final String[] ICMP_TYPE_NAMES = {"DestUnreachs", "TimeExcds", "ParmProbs", "SrcQuenchs", "Redirects",
        "Echos", "EchoReps", "Timestamps", "TimestampReps", "AddrMasks", "AddrMaskReps"};
    private static final int[] ICMP_TYPES = {3, 11, 12, 4, 5, 8, 0, 13, 14, 17, 18};

    /** Every counter {@code stack} keeps, group by group; IcmpMsg's {@code InType}/{@code OutType} ones in slot order. */
    public static void read(Ipv4Stack stack, Sink out) {
        IpMib ip = stack.counters();
        out.counter("Ip", "InReceives", ip.inReceives);
        out.counter("Ip", "InHdrErrors", ip.inHdrErrors);
        out.counter("Ip", "InAddrErrors", ip.inAddrErrors);
        out.counter("Ip", "ForwDatagrams", ip.forwarded);
        out.counter("Ip", "InUnknownProtos", ip.inUnknownProtos);
        out.counter("Ip", "InDelivers", ip.inDelivers);
        out.counter("Ip", "OutRequests", ip.outRequests);
        out.counter("Ip", "OutNoRoutes", ip.outNoRoutes);
        IpDefrag.Stats reasm = stack.reassembly();
        if (reasm != null) {
            out.counter("Ip", "ReasmTimeout", reasm.reasmTimeout);
            out.counter("Ip", "ReasmReqds", reasm.reasmReqds);
            out.counter("Ip", "ReasmOKs", reasm.reasmOks);
            out.counter("Ip", "ReasmFails", reasm.reasmFails);
            out.counter("IpExt", "ReasmOverlaps", reasm.reasmOverlaps);
        }
        out.counter("Ip", "FragOKs", ip.fragOks);
        out.counter("Ip", "FragFails", ip.fragFails);
        out.counter("Ip", "FragCreates", ip.fragCreates);
        icmp(stack.icmp.mibOrNull(), out);
        Tcp.Counters tcp = stack.tcp.counters();
        out.counter("Tcp", "ActiveOpens", tcp.activeOpens);
        out.counter("Tcp", "PassiveOpens", tcp.passiveOpens);
        out.counter("Tcp", "AttemptFails", tcp.attemptFails);
        out.counter("Tcp", "EstabResets", tcp.estabResets);
        out.counter("Tcp", "InSegs", tcp.inSegs);
        out.counter("Tcp", "OutSegs", tcp.outSegs);
        out.counter("Tcp", "RetransSegs", tcp.retransSegs);
        out.counter("Tcp", "InErrs", tcp.inErrs);
        out.counter("Tcp", "OutRsts", tcp.outRsts);
        UdpMib udp = stack.udp.mibOrNull();
        if (udp != null) {
            out.counter("Udp", "InDatagrams", udp.inDatagrams);
            out.counter("Udp", "NoPorts", udp.noPorts);
            out.counter("Udp", "InErrors", udp.inErrors);
            out.counter("Udp", "OutDatagrams", udp.outDatagrams);
            out.counter("Udp", "RcvbufErrors", udp.rcvbufErrors);
            out.counter("Udp", "SndbufErrors", udp.sndbufErrors);
            out.counter("Udp", "InCsumErrors", udp.inCsumErrors);
            out.counter("Udp", "IgnoredMulti", udp.ignoredMulti);
        }
        out.counter("TcpExt", "DelayedACKs", tcp.delayedAcks);
        out.counter("TcpExt", "ListenOverflows", tcp.listenOverflows);
        out.counter("TcpExt", "ListenDrops", tcp.listenDrops);
        out.counter("TcpExt", "TCPFastRetrans", tcp.fastRetransmits);
        out.counter("TcpExt", "TCPRenoRecovery", tcp.renoRecovery);
        out.counter("TcpExt", "TCPSackRecovery", tcp.sackRecovery);
        out.counter("TcpExt", "TCPFullUndo", tcp.fullUndo);
        out.counter("TcpExt", "TCPPartialUndo", tcp.partialUndo);
        out.counter("TcpExt", "TCPLossUndo", tcp.lossUndo);
        out.counter("TcpExt", "TCPTimeouts", tcp.timeouts);
        out.counter("TcpExt", "TCPHystartTrainDetect", tcp.hystartTrainDetect);
        out.counter("TcpExt", "TCPHystartTrainCwnd", tcp.hystartTrainCwnd);
        out.counter("TcpExt", "TCPHystartDelayDetect", tcp.hystartDelayDetect);
        out.counter("TcpExt", "TCPHystartDelayCwnd", tcp.hystartDelayCwnd);
        out.counter("TcpExt", "TCPAbortOnData", tcp.abortOnData);
        out.counter("TcpExt", "TCPAbortOnClose", tcp.abortOnClose);
        out.counter("TcpExt", "TCPAbortOnTimeout", tcp.abortOnTimeout);
        out.counter("TcpExt", "TCPOrigDataSent", tcp.origDataSent);
        out.counter("TcpExt", "TCPChallengeACK", tcp.challengeAcks);
        out.counter("IpExt", "InNoRoutes", ip.inNoRoutes);
        out.counter("IpExt", "InMcastPkts", ip.inMcastPkts);
        out.counter("IpExt", "InBcastPkts", ip.inBcastPkts);
        out.counter("IpExt", "OutBcastPkts", ip.outBcastPkts);
        out.counter("IpExt", "InOctets", ip.inOctets);
        out.counter("IpExt", "OutOctets", ip.outOctets);
        out.counter("IpExt", "InMcastOctets", ip.inMcastOctets);
        out.counter("IpExt", "InBcastOctets", ip.inBcastOctets);
        out.counter("IpExt", "OutBcastOctets", ip.outBcastOctets);
        out.counter("IpExt", "InNoECTPkts", ip.inNoEctPkts());
        out.counter("IpExt", "InECT1Pkts", ip.inEct1Pkts);
        out.counter("IpExt", "InECT0Pkts", ip.inEct0Pkts);
        out.counter("IpExt", "InCEPkts", ip.inCePkts);
    }

    /** icmp_put's totals and per-type names, then icmpmsg_put's nonzero slots (none without a count). */
    private static void icmp(IcmpMib m, Sink out) {
        if (m == null) {
            return;
        }
        out.counter("Icmp", "InMsgs", m.inMsgs);
        out.counter("Icmp", "InErrors", m.inErrors);
        out.counter("Icmp", "InCsumErrors", m.inCsumErrors);
        out.counter("Icmp", "OutMsgs", m.outMsgs);
        out.counter("Icmp", "OutErrors", m.outErrors);
        for (int i = 0; i < ICMP_TYPES.length; i++) {
            out.counter("Icmp", "In" + ICMP_TYPE_NAMES[i], m.msg(ICMP_TYPES[i]));
            out.counter("Icmp", "Out" + ICMP_TYPE_NAMES[i], m.msg(IcmpMib.OUT + ICMP_TYPES[i]));
        }
        for (int i = 0; i < IcmpMib.TYPES; i++) {
            long v = m.msg(i);
            if (v != 0) {
                out.counter("IcmpMsg", (i < IcmpMib.OUT ? "InType" : "OutType") + (i & 0xFF), v);
            }
        }
    }
}
