package dev.dockwire.emulated;

import dev.dockwire.kernel.NetCounters;
import dev.dockwire.kernel.NetCounters.Counter;
import dev.dockwire.kernel.NetCounters.Group;
import dev.dockwire.kernel.SocketInfo;
import dev.dockwire.netns.Namespace;
import dev.dockwire.netns.stack.MibReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace's counters laid out as Debian 12's kernel 6.1 prints them ({@link Machine}): the
 * groups and names of net/ipv4/proc.c (snmp4_ipstats_list without 6.3's OutTransmits,
 * snmp4_icmp_list without 6.7's OutRateLimitGlobal/Host, snmp4_tcp_list, snmp4_udp_list,
 * snmp4_net_list ending at 6.0's TCPPLBRehash, snmp4_ipextstats_list), net/mptcp/mib.c's and
 * net/ipv6/proc.c's, each filled from what the stack counts ({@link MibReader}) and zero
 * elsewhere. Tcp's fixed fields are the kernel's (RtoAlgorithm 1, RtoMin 200, RtoMax 120000,
 * MaxConn -1), Ip's Forwarding 1 or 2 by {@code net.ipv4.ip_forward}, CurrEstab the
 * ESTABLISHED and CLOSE_WAIT sockets (TCP_MIB_CURRESTAB). IcmpMsg's groups as icmpmsg_put
 * prints them: the counted types only, 16 to a pair of lines, none before the first ICMP message.
 * sockstat counts the namespace's sockets; its {@code alloc}, machine-wide as on a real host,
 * every namespace's TCP sockets. UdpLite stays zero: nothing here speaks it.
 */
final class ProcNet {
    private static final String IP = "Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos "
            + "InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs "
            + "FragFails FragCreates";
    private static final String ICMP = "InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs InSrcQuenchs "
            + "InRedirects InEchos InEchoReps InTimestamps InTimestampReps InAddrMasks InAddrMaskReps OutMsgs OutErrors "
            + "OutDestUnreachs OutTimeExcds OutParmProbs OutSrcQuenchs OutRedirects OutEchos OutEchoReps OutTimestamps "
            + "OutTimestampReps OutAddrMasks OutAddrMaskReps";
    private static final String TCP = "RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets "
            + "CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors";
    private static final String UDP = "InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors "
            + "IgnoredMulti MemErrors";
    private static final String TCP_EXT = "SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned "
            + "OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled PAWSActive PAWSEstab DelayedACKs "
            + "DelayedACKLocked DelayedACKLost ListenOverflows ListenDrops TCPHPHits TCPPureAcks TCPHPAcks TCPRenoRecovery "
            + "TCPSackRecovery TCPSACKReneging TCPSACKReorder TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo "
            + "TCPDSACKUndo TCPLossUndo TCPLostRetransmit TCPRenoFailures TCPSackFailures TCPLossFailures TCPFastRetrans "
            + "TCPSlowStartRetrans TCPTimeouts TCPLossProbes TCPLossProbeRecovery TCPRenoRecoveryFail TCPSackRecoveryFail "
            + "TCPRcvCollapsed TCPBacklogCoalesce TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv TCPAbortOnData "
            + "TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout TCPAbortOnLinger TCPAbortFailed TCPMemoryPressures "
            + "TCPMemoryPressuresChrono TCPSACKDiscard TCPDSACKIgnoredOld TCPDSACKIgnoredNoUndo TCPSpuriousRTOs TCPMD5NotFound "
            + "TCPMD5Unexpected TCPMD5Failure TCPSackShifted TCPSackMerged TCPSackShiftFallback TCPBacklogDrop PFMemallocDrop "
            + "TCPMinTTLDrop TCPDeferAcceptDrop IPReversePathFilter TCPTimeWaitOverflow TCPReqQFullDoCookies TCPReqQFullDrop "
            + "TCPRetransFail TCPRcvCoalesce TCPOFOQueue TCPOFODrop TCPOFOMerge TCPChallengeACK TCPSYNChallenge "
            + "TCPFastOpenActive TCPFastOpenActiveFail TCPFastOpenPassive TCPFastOpenPassiveFail TCPFastOpenListenOverflow "
            + "TCPFastOpenCookieReqd TCPFastOpenBlackhole TCPSpuriousRtxHostQueues BusyPollRxPackets TCPAutoCorking "
            + "TCPFromZeroWindowAdv TCPToZeroWindowAdv TCPWantZeroWindowAdv TCPSynRetrans TCPOrigDataSent "
            + "TCPHystartTrainDetect TCPHystartTrainCwnd TCPHystartDelayDetect TCPHystartDelayCwnd TCPACKSkippedSynRecv "
            + "TCPACKSkippedPAWS TCPACKSkippedSeq TCPACKSkippedFinWait2 TCPACKSkippedTimeWait TCPACKSkippedChallenge "
            + "TCPWinProbe TCPKeepAlive TCPMTUPFail TCPMTUPSuccess TCPDelivered TCPDeliveredCE TCPAckCompressed "
            + "TCPZeroWindowDrop TCPRcvQDrop TCPWqueueTooBig TCPFastOpenPassiveAltKey TcpTimeoutRehash "
            + "TcpDuplicateDataRehash TCPDSACKRecvSegs TCPDSACKIgnoredDubious TCPMigrateReqSuccess TCPMigrateReqFailure "
            + "TCPPLBRehash";
    private static final String IP_EXT = "InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts "
            + "InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets InCsumErrors InNoECTPkts "
            + "InECT1Pkts InECT0Pkts InCEPkts ReasmOverlaps";
    /** net/mptcp/mib.c mptcp_snmp_list as of 6.1: an estimate from the MIB's history (all zero here, so only nstat -z shows it). */
    private static final String MPTCP_EXT = "MPCapableSYNRX MPCapableSYNTX MPCapableSYNACKRX MPCapableACKRX "
            + "MPCapableFallbackACK MPCapableFallbackSYNACK MPFallbackTokenInit MPTCPRetrans MPJoinNoTokenFound MPJoinSynRx "
            + "MPJoinSynAckRx MPJoinSynAckHMacFailure MPJoinAckRx MPJoinAckHMacFailure DSSNotMatching InfiniteMapTx "
            + "InfiniteMapRx DSSNoMatchTCP DataCsumErr OFOQueueTail OFOQueue OFOMerge NoDSSInWindow DuplicateData AddAddr "
            + "EchoAdd PortAdd AddAddrDrop MPJoinPortSynRx MPJoinPortSynAckRx MPJoinPortAckRx MismatchPortSynRx "
            + "MismatchPortAckRx RmAddr RmAddrDrop RmSubflow MPPrioTx MPPrioRx MPFailTx MPFailRx MPFastcloseTx MPFastcloseRx "
            + "MPRstTx MPRstRx RcvPruned SubflowStale SubflowRecover SndWndShared RcvWndShared RcvWndConflictUpdate "
            + "RcvWndConflict";
    /** net/ipv6/proc.c as of 6.1: snmp6_ipstats_list, the ICMPv6 totals and per-type counters, udp6 and udplite6. */
    private static final String SNMP6 = "Ip6InReceives Ip6InHdrErrors Ip6InTooBigErrors Ip6InNoRoutes Ip6InAddrErrors "
            + "Ip6InUnknownProtos Ip6InTruncatedPkts Ip6InDiscards Ip6InDelivers Ip6OutForwDatagrams Ip6OutRequests "
            + "Ip6OutDiscards Ip6OutNoRoutes Ip6ReasmTimeout Ip6ReasmReqds Ip6ReasmOKs Ip6ReasmFails Ip6FragOKs Ip6FragFails "
            + "Ip6FragCreates Ip6InMcastPkts Ip6OutMcastPkts Ip6InOctets Ip6OutOctets Ip6InMcastOctets Ip6OutMcastOctets "
            + "Ip6InBcastOctets Ip6OutBcastOctets Ip6InNoECTPkts Ip6InECT1Pkts Ip6InECT0Pkts Ip6InCEPkts Icmp6InMsgs "
            + "Icmp6InErrors Icmp6OutMsgs Icmp6OutErrors Icmp6InCsumErrors Icmp6InDestUnreachs Icmp6InPktTooBigs "
            + "Icmp6InTimeExcds Icmp6InParmProblems Icmp6InEchos Icmp6InEchoReplies Icmp6InGroupMembQueries "
            + "Icmp6InGroupMembResponses Icmp6InGroupMembReductions Icmp6InRouterSolicits Icmp6InRouterAdvertisements "
            + "Icmp6InNeighborSolicits Icmp6InNeighborAdvertisements Icmp6InRedirects Icmp6InMLDv2Reports "
            + "Icmp6OutDestUnreachs Icmp6OutPktTooBigs Icmp6OutTimeExcds Icmp6OutParmProblems Icmp6OutEchos "
            + "Icmp6OutEchoReplies Icmp6OutGroupMembQueries Icmp6OutGroupMembResponses Icmp6OutGroupMembReductions "
            + "Icmp6OutRouterSolicits Icmp6OutRouterAdvertisements Icmp6OutNeighborSolicits Icmp6OutNeighborAdvertisements "
            + "Icmp6OutRedirects Icmp6OutMLDv2Reports Udp6InDatagrams Udp6NoPorts Udp6InErrors Udp6OutDatagrams "
            + "Udp6RcvbufErrors Udp6SndbufErrors Udp6InCsumErrors Udp6IgnoredMulti Udp6MemErrors UdpLite6InDatagrams "
            + "UdpLite6NoPorts UdpLite6InErrors UdpLite6OutDatagrams UdpLite6RcvbufErrors UdpLite6SndbufErrors "
            + "UdpLite6InCsumErrors UdpLite6MemErrors";

    private ProcNet() {
    }

    /** {@code n}'s counters; sockstat's TCP {@code alloc} (tcp_sockets_allocated) counts the sockets of every namespace in {@code all}. */
    static NetCounters counters(Namespace n, Iterable<Namespace> all) {
        Map<String, Long> counted = new HashMap<>();
        List<Counter> icmpMsg = new ArrayList<>();
        MibReader.read(n.stack(), (group, name, value) -> {
            if (group.equals("IcmpMsg")) {
                icmpMsg.add(new Counter(name, value));
            } else {
                counted.put(group + ":" + name, value);
            }
        });
        List<SocketInfo> sockets = Dumps.sockets(n);
        long estab = sockets.stream().filter(s -> s.proto().startsWith("tcp")
                && (s.state().equals("ESTABLISHED") || s.state().equals("CLOSE_WAIT"))).count();
        counted.put("Ip:Forwarding", "1".equals(n.sysctl("net.ipv4.ip_forward")) ? 1L : 2L);
        counted.put("Ip:DefaultTTL", Long.parseLong(n.sysctl("net.ipv4.ip_default_ttl")));
        counted.put("Tcp:RtoAlgorithm", 1L);
        counted.put("Tcp:RtoMin", 200L);
        counted.put("Tcp:RtoMax", 120000L);
        counted.put("Tcp:MaxConn", -1L);
        counted.put("Tcp:CurrEstab", estab);
        List<Group> snmp = new ArrayList<>(List.of(group("Ip", IP, counted), group("Icmp", ICMP, counted)));
        // icmpmsg_put: the counted types, 16 to a pair of lines (PERLINE).
        for (int i = 0; i < icmpMsg.size(); i += 16) {
            snmp.add(new Group("IcmpMsg", List.copyOf(icmpMsg.subList(i, Math.min(i + 16, icmpMsg.size())))));
        }
        snmp.addAll(List.of(group("Tcp", TCP, counted), group("Udp", UDP, counted), group("UdpLite", UDP, Map.of())));
        List<Group> netstat = List.of(group("TcpExt", TCP_EXT, counted), group("IpExt", IP_EXT, counted),
                group("MPTcpExt", MPTCP_EXT, counted));
        List<Counter> snmp6 = new ArrayList<>();
        for (String name : SNMP6.split(" ")) {
            snmp6.add(new Counter(name, 0));
        }
        return new NetCounters(List.copyOf(snmp), netstat, List.copyOf(snmp6), sockstat(sockets, allocated(all)));
    }

    /**
     * tcp_sockets_allocated: a machine-wide count of TCP sockets (sk_sockets_allocated_inc at tcp_init_sock
     * and at a child's clone, dec at their destruction), listeners and orphans among them, TIME_WAIT's
     * minisockets not.
     */
    private static int allocated(Iterable<Namespace> all) {
        int n = 0;
        for (Namespace ns : all) {
            for (SocketInfo s : Dumps.sockets(ns)) {
                if (s.proto().startsWith("tcp") && !s.state().equals("TIME_WAIT")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Group group(String name, String fields, Map<String, Long> counted) {
        List<Counter> out = new ArrayList<>();
        for (String f : fields.split(" ")) {
            out.add(new Counter(f, counted.getOrDefault(name + ":" + f, 0L)));
        }
        return new Group(name, List.copyOf(out));
    }

    /** sockstat4/6_seq_show: hashed TCP sockets (TIME_WAIT ones apart, as tw), UDP's; "used" every socket of the namespace. */
    private static NetCounters.Sockstat sockstat(List<SocketInfo> sockets, int alloc) {
        int tcp = 0;
        int tcp6 = 0;
        int tw = 0;
        int udp = 0;
        for (SocketInfo s : sockets) {
            if (s.state().equals("TIME_WAIT")) {
                tw++;
            } else if (s.proto().equals("tcp")) {
                tcp++;
            } else if (s.proto().equals("tcp6")) {
                tcp6++;
            } else {
                udp++;
            }
        }
        return new NetCounters.Sockstat(tcp + tcp6 + udp, tcp, 0, tw, alloc, udp, 0, 0, tcp6, 0, 0, 0);
    }
}
