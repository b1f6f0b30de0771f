package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The overlay's kernel calls on the real kernel (root only): two namespaces joined by an underlay
 * veth, a VXLAN device in each (nolearning proxy, as Docker's overlay makes them), the peer
 * programmed with a permanent neighbour and an FDB entry; a real ping crosses the overlay.
 */
class RealVxlanTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @Test
    void twoVtepsProgrammedLikeDockersOverlayPassARealPing() throws Exception {
        ExternalTools.assumeRoot("vxlan devices on real namespaces");
        ExternalTools.assumeTool("ip");
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "vx-", null)) {
            k.netnsAdd("a");
            k.netnsAdd("b");
            k.linkAdd("a", LinkSpec.veth("u0", null, "peer", null));
            k.linkSetNetns("a", "peer", "b");
            k.linkSetName("b", "peer", "u0");
            String[] ns = {"a", "b"};
            for (int i = 0; i < 2; i++) {
                k.linkSetUp(ns[i], "lo", true);
                k.addrAdd(ns[i], "u0", Cidr.parse("10.131.0." + (i + 1) + "/24"));
                k.linkSetUp(ns[i], "u0", true);
                k.linkAdd(ns[i], LinkSpec.vxlan("vx0", 4097, Ipv4Address.parse("10.131.0." + (i + 1)), 4789, false, true));
                k.addrAdd(ns[i], "vx0", Cidr.parse("10.0.1." + (i + 2) + "/24"));
            }
            MacAddress macA = MacAddress.parse(linkMac(k, "a"));
            MacAddress macB = MacAddress.parse(linkMac(k, "b"));
            // Docker's peer programming: neighbour IP -> MAC on the vxlan device, FDB MAC -> remote VTEP.
            k.neighAdd("a", "vx0", Ipv4Address.parse("10.0.1.3"), macB, true);
            k.fdbAppend("a", "vx0", macB, Ipv4Address.parse("10.131.0.2"));
            k.neighAdd("b", "vx0", Ipv4Address.parse("10.0.1.2"), macA, true);
            k.fdbAppend("b", "vx0", macA, Ipv4Address.parse("10.131.0.1"));
            k.linkSetUp("a", "vx0", true);
            k.linkSetUp("b", "vx0", true);

            String link = String.join("\n", ExternalTools.run("ip", "-d", "-n", k.netnsName("a"), "link", "show", "vx0"));
            assertTrue(link.contains("vxlan id 4097") && link.contains("local 10.131.0.1") && link.contains("dstport 4789")
                    && link.contains("nolearning") && link.contains("proxy"), link);
            String fdb = String.join("\n", ExternalTools.run("bridge", "-n", k.netnsName("a"), "fdb", "show", "dev", "vx0"));
            assertTrue(fdb.contains(macB + " dst 10.131.0.2 self permanent"), fdb);
            if (ExternalTools.available("ping")) {
                ExternalTools.run("ip", "netns", "exec", k.netnsName("a"), "ping", "-c", "1", "-W", "5", "10.0.1.3");
            }
            k.neighDel("a", "vx0", Ipv4Address.parse("10.0.1.3"));
            k.fdbDel("a", "vx0", macB, Ipv4Address.parse("10.131.0.2"));
            String after = String.join("\n", ExternalTools.run("bridge", "-n", k.netnsName("a"), "fdb", "show", "dev", "vx0"));
            assertTrue(!after.contains(macB.toString()), after);
        }
    }

    private static String linkMac(RealKernel k, String ns) {
        return k.links(ns).stream().filter(l -> l.name().equals("vx0")).findFirst().map(l -> MacAddress.of(l.mac()).toString())
                .orElseThrow();
    }

}
