package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Macvlans and 802.1Q sub-interfaces made through {@link RealKernel} on this machine's kernel
 * (root only), as Docker makes them: created on the parent in the host namespace, then moved into
 * a container's. Real pings show the behaviour the emulator reproduces: siblings and the LAN
 * reach a macvlan, its own parent's host does not. Every namespace is gone afterwards.
 */
class RealMacvlanTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("building real namespaces and macvlans");
        ExternalTools.assumeTool("ip");
    }

    /** The host's {@code eth0}: a veth whose other end is a LAN machine at 10.124.0.100 in namespace {@code lan}. */
    private static void lan(RealKernel k) {
        k.linkSetUp(Kernel.HOST, "lo", true);
        k.netnsAdd("lan");
        k.linkAdd(Kernel.HOST, LinkSpec.veth("eth0", null, "cable", null));
        k.linkSetNetns(Kernel.HOST, "cable", "lan");
        k.addrAdd("lan", "cable", Cidr.parse("10.124.0.100/24"));
        k.linkSetUp("lan", "cable", true);
        k.addrAdd(Kernel.HOST, "eth0", Cidr.parse("10.124.0.10/24"));
        k.linkSetUp(Kernel.HOST, "eth0", true);
    }

    private static void container(RealKernel k, String ns, String parent, String mode, String address) {
        k.netnsAdd(ns);
        k.linkSetUp(ns, "lo", true);
        k.linkAdd(Kernel.HOST, LinkSpec.macvlan("mv-" + ns, parent, mode, null));
        k.linkSetNetns(Kernel.HOST, "mv-" + ns, ns);
        k.linkSetName(ns, "mv-" + ns, "eth0");
        k.addrAdd(ns, "eth0", Cidr.parse(address));
        k.linkSetUp(ns, "eth0", true);
    }

    private static boolean ping(RealKernel k, String ns, String to) {
        try {
            ExternalTools.run("ip", "netns", "exec", k.netnsName(ns), "ping", "-c", "1", "-W", "1", to);
            return true;
        } catch (AssertionError | Exception e) { // ExternalTools.run asserts status 0
            return false;
        }
    }

    @Test
    void macvlanChildrenReachEachOtherAndTheLanButNotTheirHost() throws Exception {
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "m-", null)) {
            lan(k);
            container(k, "a", "eth0", "bridge", "10.124.0.2/24");
            container(k, "b", "eth0", "bridge", "10.124.0.3/24");
            LinkInfo eth0 = k.links(Kernel.HOST).stream().filter(l -> l.name().equals("eth0")).findFirst().orElseThrow();
            LinkInfo a = k.links("a").stream().filter(l -> l.name().equals("eth0")).findFirst().orElseThrow();
            assertEquals("macvlan", a.kind());
            assertEquals("bridge", a.macvlanMode());
            assertEquals(eth0.ifindex(), a.peerIfindex(), "IFLA_LINK is the parent");
            assertTrue(a.linkNetnsid() >= 0, "the parent is in another namespace: " + a);
            var json = String.join("\n", ExternalTools.run("ip", "-j", "-d", "-n", k.netnsName("a"), "link", "show", "eth0"));
            assertTrue(json.contains("\"info_kind\":\"macvlan\"") && json.contains("\"mode\":\"bridge\""), json);
            assertEquals("RTNETLINK answers: File exists",
                    assertThrows(KernelException.class, () -> k.linkAdd(Kernel.HOST, LinkSpec.macvlan("eth0", "eth0", "bridge", null)))
                            .getMessage());
            if (ExternalTools.available("ping")) {
                assertTrue(ping(k, "a", "10.124.0.3"), "bridge-mode siblings");
                assertTrue(ping(k, "a", "10.124.0.100"), "the LAN");
                assertTrue(ping(k, "lan", "10.124.0.2"), "from the LAN");
                assertTrue(!ping(k, Kernel.HOST, "10.124.0.2"), "the host cannot reach its own macvlan child");
            }
            k.linkDel("a", "eth0");
            assertTrue(k.links("a").stream().noneMatch(l -> l.name().equals("eth0")));
        }
        assertEquals(List.of(), TestNamespaces.left());
    }

    @Test
    void vlanSubInterfaceOnTheParent() {
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "v-", null)) {
            lan(k);
            try {
                k.linkAdd(Kernel.HOST, LinkSpec.vlan("eth0.10", "eth0", 10));
            } catch (RuntimeException e) {
                Assumptions.abort("this kernel cannot make an 802.1Q link (no 8021q module?): " + e.getMessage());
            }
            LinkInfo v = k.links(Kernel.HOST).stream().filter(l -> l.name().equals("eth0.10")).findFirst().orElseThrow();
            assertEquals("vlan", v.kind());
            assertEquals(10, v.vlanId());
        }
        assertEquals(List.of(), TestNamespaces.left());
    }
}
