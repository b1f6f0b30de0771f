package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.BulkFlow;
import dev.dockwire.testing.TcpFrames;
import dev.dockwire.testing.TestNet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GSO super-packets through NAT (a published port's DNAT, MASQUERADE): the router rewrites
 * addresses and ports of a 64 KiB packet whole and fixes its partial checksum as nf_nat does for
 * CHECKSUM_PARTIAL (inet_proto_csum_replace4: the pseudo-header sum follows the address, not the
 * port), so the receiver takes every byte, and the capture on the far leg shows the super-packets
 * with the translated addresses and a pseudo-header sum that matches them.
 */
class NatGsoTest {
    private static final long BYTES = 2L << 20;

    private static final String RULES = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A PREROUTING -d 10.0.0.1/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.1.0.2:8080
            -A POSTROUTING -s 10.0.0.0/24 -o eth1 -j MASQUERADE
            COMMIT
            """;

    private static void check(NatLab lab, BulkFlow flow, int translatedSrc) {
        assertEquals(BYTES, flow.received);
        assertEquals(0, flow.mismatches, "every byte in order");
        assertTrue(flow.eof);
        List<TcpFrames.Tcp> out = TcpFrames.of(lab.capture).stream()
                .filter(t -> t.iface().equals("eth1") && t.dst() == TestNet.ip("10.1.0.2") && t.payload() > 0).toList();
        List<TcpFrames.Tcp> supers = out.stream().filter(t -> t.frameLength() > 1514).toList();
        assertTrue(supers.size() * 2 > out.size(), supers.size() + " of " + out.size() + " above 1514 bytes on eth1");
        for (TcpFrames.Tcp t : supers) {
            assertEquals(translatedSrc, t.src());
            assertTrue(t.partial(), "the partial checksum follows the translated addresses: " + t);
        }
    }

    @Test
    void masqueradeTranslatesSuperPacketsWhole() {
        NatLab lab = new NatLab(21, false);
        lab.restore("r", RULES);
        BulkFlow flow = new BulkFlow(lab.net.ns("c").sockets(), 0, lab.net.ns("a").sockets(), TestNet.ip("10.1.0.2"), 5201, BYTES)
                .run(lab.net.loop(), 20_000_000_000L);
        check(lab, flow, TestNet.ip("10.1.0.1"));
    }

    @Test
    void aPublishedPortsDnatTranslatesSuperPacketsWhole() {
        NatLab lab = new NatLab(22, true);
        lab.restore("r", RULES);
        BulkFlow flow = new BulkFlow(lab.net.ns("c").sockets(), 0, 8080, lab.net.ns("a").sockets(), TestNet.ip("10.0.0.1"), 80,
                BYTES);
        check(lab, flow.run(lab.net.loop(), 20_000_000_000L), TestNet.ip("10.1.0.1"));
    }
}
