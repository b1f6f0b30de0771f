package dev.dockwire.tools.debian;

import java.util.List;

/**
 * net-tools' TcpExt table (statistics.c Tcpexttab, 2.10): each counter's name and words, in the
 * table's own order, which is not strcmp's everywhere ({@code TCPDSACKOfoRecv} before {@code
 * TCPDirectCopyFromBacklog} would be; bsearch then misses some names, and those print as {@code
 * Name: N}). Every entry prints only when not zero, but TCPHPHits ({@code packet headers predicted}).
 */
final class TcpExtTable {
    static final List<String[]> ENTRIES = List.of(new String[][] {
            {"DelayedACKLocked", "%s delayed acks further delayed because of locked socket"},
            {"DelayedACKLost", "Quick ack mode was activated %s times"},
            {"DelayedACKs", "%s delayed acks sent"},
            {"EmbryonicRsts", "%s resets received for embryonic SYN_RECV sockets"},
            {"ListenDrops", "%s SYNs to LISTEN sockets dropped"},
            {"ListenOverflows", "%s times the listen queue of a socket overflowed"},
            {"LockDroppedIcmps", "%s ICMP packets dropped because socket was locked"},
            {"OfoPruned", "%s packets dropped from out-of-order queue because of socket buffer overrun"},
            {"OutOfWindowIcmps", "%s ICMP packets dropped because they were out-of-window"},
            {"PAWSActive", "%s active connections rejected because of time stamp"},
            {"PAWSEstab", "%s packets rejected in established connections because of timestamp"},
            {"PAWSPassive", "%s passive connections rejected because of time stamp"},
            {"PruneCalled", "%s packets pruned from receive queue because of socket buffer overrun"},
            {"RcvPruned", "%s packets pruned from receive queue"},
            {"SockMallocOOM", "Ran %s times out of system memory during packet sending"},
            {"SyncookiesFailed", "%s invalid SYN cookies received"},
            {"SyncookiesRecv", "%s SYN cookies received"},
            {"SyncookiesSent", "%s SYN cookies sent"},
            {"TCPAbortFailed", "%s times unable to send RST due to no memory"},
            {"TCPAbortOnClose", "%s connections reset due to early user close"},
            {"TCPAbortOnData", "%s connections reset due to unexpected data"},
            {"TCPAbortOnLinger", "%s connections aborted after user close in linger timeout"},
            {"TCPAbortOnMemory", "%s connections aborted due to memory pressure"},
            {"TCPAbortOnSyn", "%s connections reset due to unexpected SYN"},
            {"TCPAbortOnTimeout", "%s connections aborted due to timeout"},
            {"TCPDirectCopyFromBacklog", "%s bytes directly in process context from backlog"},
            {"TCPDirectCopyFromPrequeue", "%s bytes directly received in process context from prequeue"},
            {"TCPDSACKOfoRecv", "%s DSACKs for out of order packets received"},
            {"TCPDSACKOfoSent", "%s DSACKs sent for out of order packets"},
            {"TCPDSACKOldSent", "%s DSACKs sent for old packets"},
            {"TCPDSACKRecv", "%s DSACKs received"},
            {"TCPDSackUndo", "%s congestion window recovered without slow start using DSACK"},
            {"TCPDSACKUndo", "%s congestion windows recovered without slow start by DSACK"},
            {"TCPFACKReorder", "Detected reordering %s times using FACK"},
            {"TCPFastRetrans", "%s fast retransmits"},
            {"TCPForwardRetrans", "%s forward retransmits"},
            {"TCPFullUndo", "%s congestion windows fully recovered without slow start"},
            {"TCPHPAcks", "%s predicted acknowledgments"},
            {"TCPHPHits", "%s packet headers predicted"},
            {"TCPHPHitsToUser", "%s packet headers predicted and directly queued to user"},
            {"TCPLossFailures", "%s timeouts in loss state"},
            {"TCPLoss", "%s TCP data loss events"},
            {"TCPLossUndo", "%s congestion windows recovered without slow start after partial ack"},
            {"TCPLostRetransmits", "%s retransmits lost"},
            {"TCPMemoryPressures", "TCP ran low on memory %s times"},
            {"TCPPartialUndo", "%s congestion windows partially recovered using Hoe heuristic"},
            {"TCPPrequeued", "%s packets directly queued to recvmsg prequeue"},
            {"TCPPrequeueDropped", "%s packets dropped from prequeue"},
            {"TCPPureAcks", "%s acknowledgments not containing data payload received"},
            {"TCPRcvCollapsed", "%s packets collapsed in receive queue due to low socket buffer"},
            {"TCPRenoFailures", "%s timeouts after reno fast retransmit"},
            {"TCPRenoRecoveryFailed", "%s reno fast retransmits failed"},
            {"TCPRenoRecoveryFail", "%s classic Reno fast retransmits failed"},
            {"TCPRenoRecovery", "%s times recovered from packet loss due to fast retransmit"},
            {"TCPRenoReorder", "Detected reordering %s times using reno fast retransmit"},
            {"TCPSackFailures", "%s timeouts after SACK recovery"},
            {"TCPSackRecoveryFail", "%s SACK retransmits failed"},
            {"TCPSackRecovery", "%s times recovered from packet loss by selective acknowledgements"},
            {"TCPSACKReneging", "%s bad SACK blocks received"},
            {"TCPSACKReorder", "Detected reordering %s times using SACK"},
            {"TCPSchedulerFailed", "%s times receiver scheduled too late for direct processing"},
            {"TCPSlowStartRetrans", "%s retransmits in slow start"},
            {"TCPTimeouts", "%s other TCP timeouts"},
            {"TCPTSReorder", "Detected reordering %s times using time stamp"},
            {"TWKilled", "%s TCP sockets finished time wait in slow timer"},
            {"TW", "%s TCP sockets finished time wait in fast timer"},
            {"TWRecycled", "%s time wait sockets recycled by time stamp"},
    });

    private TcpExtTable() {
    }
}
