package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * udp_flow_src_port as the VXLAN device computes it: golden values for a seed (captures stay
 * byte-identical across releases), one port per flow, the ports of the inner flow in the hash, a
 * fragment hashed without them, and a non-IPv4 frame hashed by its Ethernet header.
 */
class VxlanFlowHashTest {
    private final Vxlan vx = new Vxlan(new Backlog(), null, "vx0", 2, 0x02_00_00_00_00_01L, 4097, 0, 4789, false, true, 12345);

    private static ByteBuf udp(int srcPort, int flagsFrag, int etherType) {
        ByteBuf f = Frames.allocate(60);
        f.writeZero(60);
        EthernetFrame eth = new EthernetFrame().wrap(f, f.readerIndex()).dst(0x02_42_0a_00_01_03L).src(0x02_42_0a_00_01_02L)
                .etherType(etherType);
        Ipv4Packet ip = new Ipv4Packet().wrap(f, eth.payloadOffset())
                .set(0, 46, 7, flagsFrag, 64, IpProtocol.UDP, 0x0A000102, 0x0A000103).fillChecksum();
        new UdpPacket().wrap(f, ip.payloadOffset()).set(srcPort, 9, 26);
        return f;
    }

    private int port(ByteBuf f) {
        try {
            return vx.flowSourcePort(f);
        } finally {
            f.release();
        }
    }

    @Test
    void goldenPortsPerFlow() {
        assertEquals(GOLDEN_UDP, port(udp(40000, Ipv4Packet.FLAG_DF, EtherType.IPV4)));
        assertEquals(GOLDEN_UDP, port(udp(40000, 0, EtherType.IPV4)));
        assertEquals(GOLDEN_OTHER_PORT, port(udp(40001, 0, EtherType.IPV4)));
        assertEquals(GOLDEN_FRAGMENT, port(udp(40000, Ipv4Packet.FLAG_MF, EtherType.IPV4)));
        assertEquals(GOLDEN_ARP, port(udp(40000, 0, EtherType.ARP)));
        assertNotEquals(GOLDEN_UDP, GOLDEN_OTHER_PORT);
    }

    /**
     * The device remembers the last flow's port: whatever flow came before, each frame gets the port
     * a fresh device (nothing remembered) gives it — frames differing only in the ports, in whether
     * the ports are hashed (a fragment, a protocol without ports) or in the EtherType included.
     */
    @Test
    void theRememberedPortIsTheAskedFlowsWhateverCameBefore() {
        List<Supplier<ByteBuf>> flows = List.of(
                () -> udp(40000, 0, EtherType.IPV4),
                () -> udp(40001, 0, EtherType.IPV4),
                () -> udp(40000, Ipv4Packet.FLAG_MF, EtherType.IPV4),
                () -> udp(40000, 0, EtherType.ARP),
                () -> protocol(udp(40000, 0, EtherType.IPV4), IpProtocol.TCP),
                () -> protocol(udp(40000, 0, EtherType.IPV4), IpProtocol.ICMP),
                () -> protocol(udp(0, 0, EtherType.IPV4), IpProtocol.ICMP));
        int[] fresh = new int[flows.size()];
        for (int i = 0; i < fresh.length; i++) {
            Vxlan once = new Vxlan(new Backlog(), null, "vx1", 3, 0x02_00_00_00_00_02L, 4097, 0, 4789, false, true, 12345);
            ByteBuf f = flows.get(i).get();
            fresh[i] = once.flowSourcePort(f);
            f.release();
        }
        assertEquals(fresh[5], fresh[6], "ICMP's bytes where ports would be are not hashed");
        assertEquals(6, Arrays.stream(fresh).distinct().count(), "six flows, six ports");
        for (int before = 0; before < fresh.length; before++) {
            for (int i = 0; i < fresh.length; i++) {
                port(flows.get(before).get());
                assertEquals(fresh[i], port(flows.get(i).get()), "flow " + i + " after flow " + before);
                assertEquals(fresh[i], port(flows.get(i).get()), "flow " + i + " again");
            }
        }
    }

    /** {@code f} with its IPv4 protocol set to {@code p} (the header checksum is not looked at). */
    private static ByteBuf protocol(ByteBuf f, int p) {
        f.setByte(f.readerIndex() + EthernetFrame.HEADER_LENGTH + 9, p);
        return f;
    }

    private static final int GOLDEN_UDP = 43098;
    private static final int GOLDEN_OTHER_PORT = 38716;
    private static final int GOLDEN_FRAGMENT = 47999;
    private static final int GOLDEN_ARP = 45073;
}
