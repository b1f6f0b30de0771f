package dev.dockwire.bench;

import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.netns.Emulation;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;

/**
 * The macvlan path the macvlan benchmark and allocation test drive, as the kernel baseline builds
 * it: two bridge-mode macvlans {@code m0}, {@code m1} on one parent {@code d0} (a veth whose peer
 * is up), moved into namespaces {@code a} (10.9.0.1) and {@code b} (10.9.0.2); a UDP socket in
 * {@code a} sends 18-byte datagrams (60-byte frames) to a socket in {@code b}, which counts them:
 * the frame goes from sibling to sibling inside the macvlan port and never reaches the parent's wire.
 */
public final class MacvlanUdpPath extends UdpPath {
    private final Emulation emu = new Emulation(1);
    private final EmulatedKernel k = new EmulatedKernel(emu, "m");

    public MacvlanUdpPath() {
        k.linkAdd(Kernel.HOST, LinkSpec.veth("d0", null, "d1", null));
        k.linkSetUp(Kernel.HOST, "d0", true);
        k.linkSetUp(Kernel.HOST, "d1", true);
        leg("m0", "a", "10.9.0.1/24");
        leg("m1", "b", "10.9.0.2/24");
        connect(emu.loop(), k.sockets("a"), k.sockets("b"), Ipv4Address.parse("10.9.0.2").bits());
    }

    private void leg(String name, String ns, String cidr) {
        k.netnsAdd(ns);
        k.linkSetUp(ns, "lo", true);
        k.linkAdd(Kernel.HOST, LinkSpec.macvlan(name, "d0", "bridge", null));
        k.linkSetNetns(Kernel.HOST, name, ns);
        k.addrAdd(ns, name, Cidr.parse(cidr));
        k.linkSetUp(ns, name, true);
    }

    @Override
    public void close() {
        super.close();
        emu.close();
    }
}
