package dev.dockwire.kernel;

/**
 * One tracked connection, like a line of {@code conntrack -L}: the protocol, the seconds left,
 * the TCP state (null for other protocols), the original and reply tuples, whether a reply was
 * seen and whether the flow is ASSURED, its mark and reference count.
 */
public record ConntrackInfo(int protocol, long timeout, String tcpState, Tuple original, Tuple reply,
                            boolean seenReply, boolean assured, int mark, int use) {

    /** A tuple; for ICMP the ports are unused and type, code and id are set (else they are -1). */
    public record Tuple(int src, int dst, int srcPort, int dstPort, int icmpType, int icmpCode, int icmpId) {
    }
}
