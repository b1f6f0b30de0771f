package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ip_rcv_core's counts ({@link IpMib#received}, {@link IpMib#headerError}): InReceives and InOctets per packet, the ECN
 * tally ({@code IPSTATS_MIB_NOECTPKTS + (tos & INET_ECN_MASK)}) by gso_segs, and none for a bad header; InNoECTPkts is
 * kept as its difference from InReceives, so each kind of packet that is not the common one is checked here.
 */
class IpMibTest {
    /** A 40-byte IPv4 packet with {@code tos}, marked GSO of {@code segs} segments when {@code segs > 1}. */
    private static ByteBuf packet(int tos, int segs) {
        ByteBuf f = Frames.allocate(40);
        int at = f.writerIndex();
        f.writeZero(40);
        Ipv4Packet.write(f, at, tos, 40, 0, 0, 64, IpProtocol.TCP, 0x0A000002, 0x0A000003);
        Frames.gso(f, 1000, segs);
        return f;
    }

    private static void receive(IpMib m, int tos, int segs) {
        ByteBuf f = packet(tos, segs);
        m.received(f, f.readerIndex());
        f.release();
    }

    private static List<Long> tally(IpMib m) {
        return List.of(m.inReceives, m.inOctets, m.inHdrErrors, m.inNoEctPkts(), m.inEct1Pkts, m.inEct0Pkts, m.inCePkts);
    }

    @Test
    void theCommonPacketCountsOneNotEcnCapable() {
        IpMib m = new IpMib();
        receive(m, 0, 1);
        receive(m, 0x10, 1); // DSCP bits, no ECN
        assertEquals(List.of(2L, 80L, 0L, 2L, 0L, 0L, 0L), tally(m));
    }

    @Test
    void markedPacketsAndGsoSegmentsAndBadHeadersAdjustTheTally() {
        IpMib m = new IpMib();
        receive(m, 0, 1);
        receive(m, 1, 1); // ECT(1)
        receive(m, 2, 3); // ECT(0), a GSO packet of 3 segments
        receive(m, 3, 1); // CE
        receive(m, 0, 4); // not ECN-capable, 4 segments
        m.headerError(40); // counted in InReceives and InOctets, not by ECN
        assertEquals(List.of(6L, 240L, 1L, 5L, 1L, 3L, 1L), tally(m));
    }
}
