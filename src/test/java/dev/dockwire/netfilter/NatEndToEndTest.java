package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NAT through router r of {@link NatLab}, checked at both ends and on the wire on both sides of r. */
class NatEndToEndTest {

    @Test
    void dnatOfAUdpPortReachesTheBackendAndTheReplyIsTranslatedBack() {
        NatLab lab = new NatLab(3, true);
        lab.restore("r", """
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                -A PREROUTING -d 10.0.0.1/32 -p udp -m udp --dport 53 -j DNAT --to-destination 10.1.0.2:5353
                COMMIT
                """);
        lab.echo("c", 5353);
        assertEquals(List.of("10.0.0.1:53 re:q1"), lab.udp("a", 40000, "10.0.0.1", 53, "q1"));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:40000 > 10.0.0.1:53",
                "udp 10.0.0.1:53 > 10.0.0.2:40000"), lab.flows("eth0"));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:40000 > 10.1.0.2:5353",
                "udp 10.1.0.2:5353 > 10.0.0.2:40000"), lab.flows("eth1"));
    }
}
