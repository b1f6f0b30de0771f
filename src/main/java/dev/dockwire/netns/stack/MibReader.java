package dev.dockwire.netns.stack;

/**
 * Reads what a stack counts under the names the kernel prints it by (include/uapi/linux/snmp.h as
 * net/ipv4/proc.c's snmp4_ipstats_list, snmp4_tcp_list, snmp4_udp_list and snmp4_net_list spell
 * them): the IP MIB ({@link IpMib}), TCP's ({@code Tcp.Counters}) and UDP's. Only a reader: the
 * counting stays where each layer counts; a counter the stack does not keep is not reported, and
 * whoever lays out /proc fills it in as zero.
 */
public final class MibReader {
    /** Receives one counter: its /proc group ({@code Ip}, {@code Tcp}, {@code Udp}, {@code TcpExt}), name and value. */
    @FunctionalInterface
    public interface Sink {
        void counter(String group, String name, long value);
    }

    private MibReader() {
    }

    /** Every counter {@code stack} keeps, group by group. */
    public static void read(Ipv4Stack stack, Sink out) {
        IpMib ip = stack.counters();
        out.counter("Ip", "InReceives", ip.inReceives);
        out.counter("Ip", "InHdrErrors", ip.inHdrErrors);
        out.counter("Ip", "InAddrErrors", ip.inAddrErrors);
        out.counter("Ip", "ForwDatagrams", ip.forwarded);
        out.counter("Ip", "InDelivers", ip.inDelivers);
        out.counter("Ip", "OutRequests", ip.outRequests);
        out.counter("Ip", "FragOKs", ip.fragOks);
        out.counter("Ip", "FragFails", ip.fragFails);
        out.counter("Ip", "FragCreates", ip.fragCreates);
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
        Udp udp = stack.udp;
        out.counter("Udp", "InDatagrams", udp.inDatagrams);
        out.counter("Udp", "NoPorts", udp.noPorts);
        out.counter("Udp", "InErrors", udp.inErrors);
        out.counter("Udp", "RcvbufErrors", udp.rcvbufErrors);
        out.counter("TcpExt", "DelayedACKs", tcp.delayedAcks);
        out.counter("TcpExt", "ListenOverflows", tcp.listenOverflows);
        out.counter("TcpExt", "ListenDrops", tcp.listenDrops);
        out.counter("TcpExt", "TCPFastRetrans", tcp.fastRetransmits);
        out.counter("TcpExt", "TCPRenoRecovery", tcp.renoRecovery);
        out.counter("TcpExt", "TCPSackRecovery", tcp.sackRecovery);
        out.counter("TcpExt", "TCPTimeouts", tcp.timeouts);
        out.counter("TcpExt", "TCPHystartTrainDetect", tcp.hystartTrainDetect);
        out.counter("TcpExt", "TCPHystartTrainCwnd", tcp.hystartTrainCwnd);
        out.counter("TcpExt", "TCPHystartDelayDetect", tcp.hystartDelayDetect);
        out.counter("TcpExt", "TCPHystartDelayCwnd", tcp.hystartDelayCwnd);
        out.counter("TcpExt", "TCPAbortOnData", tcp.abortOnData);
        out.counter("TcpExt", "TCPChallengeACK", tcp.challengeAcks);
    }
}
