package dev.dockwire.emulated;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.LinkSpec.Attrs;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.Dummy;
import dev.dockwire.link.Macvlan;
import dev.dockwire.link.MacvlanMode;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.link.Veth;
import dev.dockwire.link.Vlan;
import dev.dockwire.link.Vxlan;
import dev.dockwire.link.VxlanSock;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.wire.MacAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ip link add} on the emulator (rtnl_newlink): a {@link LinkSpec} made into {@code link}
 * devices registered in their namespace, then given its MTU, namespace, master and up state in
 * that order, as do_setlink applies them. Owns the VXLAN UDP sockets (vxlan_sock_add), which stay
 * in the namespace a device was made in.
 */
final class LinkFactory {
    private final Emulation emulation;
    private final EmulatedKernel kernel;
    /** VXLAN sockets by the namespace they were opened in and port, and the socket of each device. */
    private final Map<Namespace, Map<Integer, VxlanSock>> vxlanSocks = new HashMap<>();
    private final Map<Vxlan, VxlanSock> vxlanSockOf = new HashMap<>();
    /** The host namespace's UDP tunnel for vxlan devices when its underlay is real (null: its stack). */
    private UdpTunnel underlay;

    LinkFactory(Emulation emulation, EmulatedKernel kernel) {
        this.emulation = emulation;
        this.kernel = kernel;
    }

    static void checkFree(Namespace n, String name) {
        if (n.device(name) != null) {
            throw new KernelException("RTNETLINK answers: File exists");
        }
        if (name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" ")) {
            throw new KernelException("Error: argument \"" + name + "\" is wrong: \"name\" not a valid ifname");
        }
    }

    private long macOrRandom(MacAddress mac) {
        return mac != null ? mac.bits() : MacAddress.randomLocal(emulation.random()).bits();
    }

    /** The namespace the device ends in: its own {@code netns}, else the one the request is made in. */
    private static String home(String ns, Attrs a) {
        return a.netns() == null ? ns : a.netns();
    }

    void add(String ns, LinkSpec spec) {
        Namespace n = kernel.namespace(ns);
        Attrs a = spec.attrs();
        if (spec instanceof LinkSpec.Veth v) {
            addVeth(ns, n, v);
            return;
        }
        Namespace target = kernel.namespace(home(ns, a));
        checkMtu(a);
        NetDevice dev;
        if (spec instanceof LinkSpec.Bridge) {
            checkFree(target, a.name());
            dev = new Bridge(emulation.loop(), emulation.backlog(), a.name(), n.allocateIfindex(), macOrRandom(a.mac()));
        } else if (spec instanceof LinkSpec.Macvlan m) {
            NetDevice lower = kernel.device(ns, m.parent());
            checkFree(target, a.name());
            MacvlanMode mode = MacvlanMode.of(m.mode());
            if (mode == null) {
                throw new KernelException("Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\"");
            }
            dev = upper(() -> Macvlan.create(emulation.backlog(), lower, a.name(), n.allocateIfindex(),
                    macOrRandom(a.mac()), mode));
        } else if (spec instanceof LinkSpec.Vlan vl) {
            NetDevice lower = kernel.device(ns, vl.parent());
            checkFree(target, a.name());
            dev = upper(() -> Vlan.create(lower, a.name(), n.allocateIfindex(), vl.vid()));
        } else if (spec instanceof LinkSpec.Dummy) {
            checkFree(target, a.name());
            dev = new Dummy(a.name(), n.allocateIfindex(), macOrRandom(a.mac()));
        } else {
            checkFree(target, a.name());
            dev = vxlan(ns, n, (LinkSpec.Vxlan) spec);
        }
        if (a.mtu() != 0) {
            dev.mtu(a.mtu());
        }
        register(ns, n, dev, a);
        up(ns, a);
    }

    /**
     * veth_newlink: both ends numbered in the namespace the request is made in, then each moved
     * where its attributes say (keeping its ifindex where free), the first enslaved, hairpinned and
     * up as asked.
     */
    private void addVeth(String ns, Namespace n, LinkSpec.Veth v) {
        Attrs a = v.attrs();
        Attrs p = v.peer();
        Namespace an = kernel.namespace(home(ns, a));
        Namespace pn = kernel.namespace(home(ns, p));
        checkFree(an, a.name());
        checkFree(pn, p.name());
        if (an == pn && a.name().equals(p.name())) {
            throw new KernelException("RTNETLINK answers: File exists");
        }
        checkMtu(a);
        checkMtu(p);
        long macA = macOrRandom(a.mac());
        long macB = macOrRandom(p.mac());
        int ia = n.allocateIfindex();
        int ib = n.allocateIfindex();
        Veth end = Veth.createPair(emulation.backlog(), a.name(), ia, macA, p.name(), ib, macB);
        if (a.mtu() != 0) {
            end.mtu(a.mtu());
        }
        if (p.mtu() != 0) {
            end.peer().mtu(p.mtu());
        }
        register(ns, n, end, a);
        if (v.hairpin()) {
            kernel.linkSetHairpin(home(ns, a), a.name(), true);
        }
        up(ns, a);
        register(ns, n, end.peer(), p);
        up(ns, p);
    }

    /** Registers {@code dev} (made in {@code n}) in the namespace it ends in, then enslaves it as asked. */
    private void register(String ns, Namespace n, NetDevice dev, Attrs a) {
        String home = home(ns, a);
        Namespace target = kernel.namespace(home);
        if (target != n && target.device(dev.ifindex()) != null) {
            dev.ifindex(target.allocateIfindex()); // dev_change_net_namespace keeps the ifindex only when free
        }
        target.addDevice(dev);
        if (target != n) {
            kernel.linked(ns, home);
        }
        if (a.master() != null) {
            try {
                kernel.linkSetMaster(home, a.name(), a.master());
            } catch (KernelException e) {
                target.deleteDevice(dev); // rtnl_newlink_create: a failed do_set_master unregisters the new link
                throw e;
            }
        }
    }

    private void up(String ns, Attrs a) {
        if (a.up()) {
            kernel.linkSetUp(home(ns, a), a.name(), true);
        }
    }

    private static void checkMtu(Attrs a) {
        if (a.mtu() != 0 && (a.mtu() < 68 || a.mtu() > 65535)) {
            throw new KernelException("Error: mtu less than device minimum.");
        }
    }

    /** A device stacked on another; the driver's refusal (its IllegalArgumentException) is the kernel's error. */
    private static NetDevice upper(Supplier<NetDevice> create) {
        try {
            return create.get();
        } catch (IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    private Vxlan vxlan(String ns, Namespace n, LinkSpec.Vxlan spec) {
        VxlanSock sock = vxlanSocks.computeIfAbsent(n, k -> new HashMap<>()).get(spec.dstport());
        try {
            if (sock == null) {
                sock = VxlanSock.open(tunnel(ns, n), spec.dstport());
                vxlanSocks.get(n).put(spec.dstport(), sock);
            }
            Vxlan vx = new Vxlan(emulation.backlog(), tunnel(ns, n), spec.attrs().name(), n.allocateIfindex(),
                    macOrRandom(spec.attrs().mac()), spec.vni(), spec.local() == null ? 0 : spec.local().bits(),
                    spec.dstport(), spec.learning(), spec.proxy(), emulation.random().nextInt());
            sock.add(vx);
            vxlanSockOf.put(vx, sock);
            return vx;
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    void underlay(UdpTunnel tunnel) {
        this.underlay = tunnel;
    }

    private UdpTunnel tunnel(String ns, Namespace n) {
        return underlay != null && ns.equals(Kernel.HOST) ? underlay : n.stack();
    }

    /** Takes a deleted device off its socket; the socket closes with its last device. */
    void closeVxlanSocket(Vxlan vx) {
        VxlanSock sock = vxlanSockOf.remove(vx);
        if (sock != null && sock.remove(vx)) {
            vxlanSocks.values().forEach(m -> m.values().remove(sock));
        }
    }
}
