package dev.dockwire.testing;

import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;

/**
 * A small emulated network for tests, built through the kernel seam: namespaces with an
 * {@code eth0} on a bridge in the host namespace, like containers on a Docker bridge.
 */
public final class TestNet {
    public final Emulation emu;
    public final EmulatedKernel kernel;
    private int vethCounter;

    public TestNet(long seed) {
        emu = new Emulation(seed);
        kernel = new EmulatedKernel(emu, "test");
        kernel.linkSetUp(Kernel.HOST, "lo", true);
    }

    /** Two namespaces {@code a} (10.0.0.2) and {@code b} (10.0.0.3) on bridge {@code br0} (10.0.0.1/24), seed 4. */
    public static TestNet twoOnABridge() {
        TestNet net = new TestNet(4);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        return net;
    }

    public EventLoop loop() {
        return emu.loop();
    }

    public Namespace host() {
        return kernel.namespace(Kernel.HOST);
    }

    public Namespace ns(String name) {
        return kernel.namespace(name);
    }

    /** {@code ip link add NAME type bridge}, with {@code gatewayCidr} on it (null for none), up. */
    public Bridge bridge(String name, String gatewayCidr) {
        kernel.linkAdd(Kernel.HOST, LinkSpec.bridge(name, null));
        if (gatewayCidr != null) {
            kernel.addrAdd(Kernel.HOST, name, Cidr.parse(gatewayCidr));
        }
        kernel.linkSetUp(Kernel.HOST, name, true);
        return (Bridge) host().device(name);
    }

    /** A namespace whose {@code eth0} (address {@code cidr}) is a veth with its peer on {@code bridge}. */
    public Namespace node(String name, String bridge, String cidr, String gateway) {
        kernel.netnsAdd(name);
        kernel.linkSetUp(name, "lo", true);
        leg(name, "eth0", bridge, cidr);
        if (gateway != null) {
            kernel.routeAdd(name, Cidr.parse("0.0.0.0/0"), Ipv4Address.parse(gateway).bits(), "eth0");
        }
        return ns(name);
    }

    /** A leg for namespace {@code ns}: interface {@code ifname} on {@code bridge}, with {@code cidr}, up. */
    public void leg(String ns, String ifname, String bridge, String cidr) {
        String hostSide = "veth" + (vethCounter++);
        String peer = "tmp" + vethCounter;
        kernel.linkAdd(Kernel.HOST, LinkSpec.veth(hostSide, null, peer, null));
        kernel.linkSetMaster(Kernel.HOST, hostSide, bridge);
        kernel.linkSetUp(Kernel.HOST, hostSide, true);
        kernel.linkSetNetns(Kernel.HOST, peer, ns);
        kernel.linkSetName(ns, peer, ifname);
        kernel.addrAdd(ns, ifname, Cidr.parse(cidr));
        kernel.linkSetUp(ns, ifname, true);
    }

    public NetDevice dev(String ns, String name) {
        return ns(ns).device(name);
    }

    public static int ip(String dotted) {
        return Ipv4Address.parse(dotted).bits();
    }
}
