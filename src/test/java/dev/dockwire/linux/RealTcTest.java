package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.QdiscInfo;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Impairments on real interfaces: the seam's qdisc calls run the real tc in the namespace. */
class RealTcTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @Test
    void parsesWhatTcPrints() {
        List<QdiscInfo> q = Tc.parse("""
                qdisc noqueue 0: dev lo root refcnt 2\s
                 Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0)\s
                 backlog 0b 0p requeues 0
                qdisc tbf 8004: dev v0 root refcnt 3 rate 10Mbit burst 4Kb lat 400ms\s
                 Sent 1918 bytes 19 pkt (dropped 2, overlimits 5 requeues 1)\s
                 backlog 98b 1p requeues 1
                qdisc netem 10: dev v1 parent 1:1 limit 1000 delay 50ms  10ms
                 Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0)\s
                 backlog 0b 0p requeues 0
                """);
        assertEquals(new QdiscInfo("lo", "noqueue", "0:", "root", "", 0, 0, 0, 0, 0, 0, 0), q.get(0));
        assertEquals(new QdiscInfo("v0", "tbf", "8004:", "root", "rate 10Mbit burst 4Kb lat 400ms", 1918, 19, 2, 5, 1, 98, 1), q.get(1));
        assertEquals(new QdiscInfo("v1", "netem", "10:", "1:1", "limit 1000 delay 50ms  10ms", 0, 0, 0, 0, 0, 0, 0), q.get(2));
    }

    @Test
    void tbfAndNetemOnARealVeth() throws Exception {
        ExternalTools.assumeRoot("tc on real namespaces");
        ExternalTools.assumeTool("tc");
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "tc-", null)) {
            k.netnsAdd("a");
            k.netnsAdd("b");
            k.linkAdd("a", LinkSpec.veth("eth0", null, "peer", null));
            k.linkSetNetns("a", "peer", "b");
            k.linkSetName("b", "peer", "eth0");
            k.addrAdd("a", "eth0", Cidr.parse("10.124.0.1/24"));
            k.addrAdd("b", "eth0", Cidr.parse("10.124.0.2/24"));
            k.linkSetUp("a", "eth0", true);
            k.linkSetUp("b", "eth0", true);

            k.qdisc("a", "add", "eth0", "root", null, "tbf", List.of("rate", "10mbit", "burst", "32kbit", "latency", "400ms"));
            if (ExternalTools.available("ping")) {
                ExternalTools.run("ip", "netns", "exec", k.netnsName("a"), "ping", "-c", "2", "-i", "0.2", "-W", "5", "10.124.0.2");
            }
            QdiscInfo tbf = k.qdiscs("a").stream().filter(q -> q.dev().equals("eth0")).findFirst().orElseThrow();
            assertEquals("tbf", tbf.kind());
            assertTrue(tbf.options().startsWith("rate 10Mbit"), tbf.options());
            assertTrue(!ExternalTools.available("ping") || tbf.sentPackets() >= 2, tbf.toString());

            KernelException bad = assertThrows(KernelException.class,
                    () -> k.qdisc("a", "change", "eth0", "root", null, "tbf", List.of("bogus", "1")));
            assertTrue(bad.getMessage().startsWith("tbf: unknown parameter \"bogus\""), bad.getMessage());

            try {
                k.qdisc("b", "add", "eth0", "root", null, "netem", List.of("delay", "50ms"));
            } catch (KernelException e) {
                // Some kernels (this CI's VM among them) are built without sch_netem.
                assertTrue(e.getMessage().contains("Specified qdisc kind is unknown"), e.getMessage());
                System.out.println("SKIPPED part: this kernel has no netem qdisc (" + e.getMessage().lines().findFirst().orElse("") + ")");
                return;
            }
            assertEquals("netem", k.qdiscs("b").stream().filter(q -> q.dev().equals("eth0")).findFirst().orElseThrow().kind());
            if (ExternalTools.available("ping")) {
                String rtt = ExternalTools.run("ip", "netns", "exec", k.netnsName("a"), "ping", "-c", "1", "-W", "5", "10.124.0.2")
                        .stream().filter(l -> l.startsWith("rtt")).findFirst().orElseThrow();
                double avg = Double.parseDouble(rtt.split("=")[1].trim().split("/")[1]);
                assertTrue(avg >= 50, rtt);
            }
        }
    }
}
