package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.LinkSpec.Attrs;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.testing.ExternalTools;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A veth whose peer goes to another namespace is made there in one RTM_NEWLINK from its
 * {@link LinkSpec}, the host end enslaved, sized, hairpinned and up; the outcome is the one the
 * separate calls give (root only).
 */
class RealVethFoldTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("building real veths");
        ExternalTools.assumeTool("bridge");
    }

    private static LinkInfo link(RealKernel k, String ns, String name) {
        return k.links(ns).stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + ns + ": " + k.links(ns)));
    }

    @Test
    void thePairIsMadeWithItsPeerInTheSandboxAndTheHostEndConfigured() throws Exception {
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "vf-", null)) {
            k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null));
            k.netnsAdd("c");
            k.linkAdd(Kernel.HOST, LinkSpec.veth("p1", null, "t1", null));
            k.linkSetMtu(Kernel.HOST, "p1", 1400);
            k.linkSetMtu(Kernel.HOST, "t1", 1400);
            k.linkSetMaster(Kernel.HOST, "p1", "br0");
            k.linkSetHairpin(Kernel.HOST, "p1", true);
            k.linkSetUp(Kernel.HOST, "p1", true);
            k.linkSetNetns(Kernel.HOST, "t1", "c");
            k.linkSetName("c", "t1", "eth0");

            LinkInfo p1 = link(k, Kernel.HOST, "p1");
            assertEquals("br0", p1.master());
            assertTrue(p1.up());
            assertEquals(1400, p1.mtu());
            assertEquals(1400, link(k, "c", "eth0").mtu());
            assertTrue(k.links(Kernel.HOST).stream().noneMatch(l -> l.name().equals("t1")));
            String shown = String.join("\n", ExternalTools.run("bridge", "-n", k.netnsName(Kernel.HOST), "-d", "link", "show", "dev", "p1"));
            assertTrue(shown.contains("hairpin on"), shown);

            // A veth nobody moves is made in place by the next call.
            k.linkAdd(Kernel.HOST, LinkSpec.veth("x1", null, "x2", null));
            List<String> names = k.links(Kernel.HOST).stream().map(LinkInfo::name).toList();
            assertTrue(names.containsAll(List.of("x1", "x2")), names.toString());
        }
    }

    @Test
    void oneSpecMakesThePairWithItsPeerInTheSandboxAndTheHostEndConfigured() throws Exception {
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "vs-", null)) {
            k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null));
            k.netnsAdd("c");
            k.linkAdd(Kernel.HOST, new LinkSpec.Veth(Attrs.named("p1").mtu(1400).master("br0").up(true),
                    Attrs.named("eth0").mtu(1400).netns("c"), true));

            LinkInfo p1 = link(k, Kernel.HOST, "p1");
            assertEquals("br0", p1.master());
            assertTrue(p1.up());
            assertEquals(1400, p1.mtu());
            assertEquals(1400, link(k, "c", "eth0").mtu());
            String shown = String.join("\n", ExternalTools.run("bridge", "-n", k.netnsName(Kernel.HOST), "-d", "link", "show", "dev", "p1"));
            assertTrue(shown.contains("hairpin on"), shown);
        }
    }

    @Test
    void theKernelsRefusalComesFromTheRequestThatMakesThePair() {
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "ve-", null)) {
            k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null));
            k.netnsAdd("c");
            KernelException e = assertThrows(KernelException.class, () -> k.linkAdd(Kernel.HOST,
                    new LinkSpec.Veth(Attrs.named("br0").up(true), Attrs.named("t1").netns("c"), false))); // br0 is taken
            assertEquals("RTNETLINK answers: File exists", e.getMessage());
            assertTrue(k.links("c").stream().noneMatch(l -> l.name().equals("t1")));
        }
    }
}
