package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.LinkSpec.Attrs;
import dev.dockwire.linux.netlink.Ifinfomsg;
import dev.dockwire.linux.netlink.LinkMessage;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link LinkSpec} as the one RTM_NEWLINK that makes it, as vishvananda/netlink's
 * {@code LinkAdd} builds it: the common attributes (IFLA_IFNAME, IFLA_ADDRESS, IFLA_MTU,
 * IFLA_MASTER, IFF_UP, IFLA_NET_NS_FD) and the kind's IFLA_LINKINFO, a veth's peer nested with
 * attributes of its own. Holds the namespace descriptors the message refers to until closed.
 */
final class LinkRequest implements AutoCloseable {
    /** MACVLAN_MODE_* of include/uapi/linux/if_link.h, by iproute2's word (bit 0 first). */
    static final List<String> MACVLAN_MODES = List.of("private", "vepa", "bridge", "passthru");

    /** Resolves a device name in a kernel namespace to its ifindex. */
    interface Ifindex {
        int of(String ns, String dev);
    }

    private final String ns;
    private final Ifindex ifindex;
    private final Function<MacAddress, Long> mac;
    private final UnaryOperator<String> netnsName;
    private final SeededRandom random;
    private final List<Integer> fds = new ArrayList<>();

    /**
     * A request made in namespace {@code ns}; {@code mac} gives the address to send for a spec's
     * (null: let the kernel pick), {@code netnsName} the /run/netns name of a kernel namespace.
     */
    LinkRequest(String ns, Ifindex ifindex, Function<MacAddress, Long> mac, UnaryOperator<String> netnsName,
                SeededRandom random) {
        this.ns = ns;
        this.ifindex = ifindex;
        this.mac = mac;
        this.netnsName = netnsName;
        this.random = random;
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" ")) {
            throw new KernelException("Error: argument \"" + name + "\" is wrong: \"name\" not a valid ifname");
        }
    }

    LinkMessage message(LinkSpec spec) {
        Attrs a = spec.attrs();
        checkName(a.name());
        if (spec instanceof LinkSpec.Veth v) {
            checkName(v.peer().name());
            LinkMessage m = attrs(new LinkMessage(), a);
            // Never IFF_UP on the peer: veth_newlink configures the peer before it links the pair,
            // and veth_open refuses a device with no peer yet (-ENOTCONN). RealKernel.linkAdd brings
            // the peer up with a request of its own, as `ip link add ... peer ... up` cannot either.
            return m.peer(attrs(new LinkMessage(), v.peer().up(false)));
        }
        if (spec instanceof LinkSpec.Macvlan mv) {
            int bit = MACVLAN_MODES.indexOf(mv.mode());
            if (bit < 0) {
                throw new KernelException("Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\"");
            }
            return attrs(new LinkMessage().link(ifindex.of(ns, mv.parent())), a).macvlan(1 << bit);
        }
        if (spec instanceof LinkSpec.Vlan vl) {
            // A vlan takes its parent's address: nothing is drawn for it, as in the emulator.
            return attrs(new LinkMessage().link(ifindex.of(ns, vl.parent())), a, a.mac() != null).vlan(vl.vid());
        }
        if (spec instanceof LinkSpec.Vxlan vx) {
            LinkMessage m = attrs(new LinkMessage(), a)
                    .vxlan(vx.vni(), vx.local() == null ? 0 : vx.local().bits(), vx.dstport(), vx.learning(), vx.proxy());
            if (random != null) {
                // The emulated device draws its flow-hash salt (for the UDP source port) here; the
                // kernel has its own, but drawing keeps the seeded stream in step.
                random.nextInt();
            }
            return m;
        }
        return attrs(new LinkMessage(), a).kind(spec instanceof LinkSpec.Bridge ? "bridge" : "dummy");
    }

    /** The common attributes; the master is looked up in the namespace the device ends in. */
    private LinkMessage attrs(LinkMessage m, Attrs a) {
        return attrs(m, a, true);
    }

    private LinkMessage attrs(LinkMessage m, Attrs a, boolean address) {
        m.ifname(a.name());
        Long bits = address ? mac.apply(a.mac()) : null;
        if (bits != null) {
            m.address(bits);
        }
        if (a.mtu() != 0) {
            m.mtu(a.mtu());
        }
        if (a.master() != null) {
            m.master(ifindex.of(a.netns() == null ? ns : a.netns(), a.master()));
        }
        if (a.up()) {
            m.flags(Ifinfomsg.IFF_UP, Ifinfomsg.IFF_UP);
        }
        if (a.netns() != null) {
            int fd = Namespaces.open(netnsName.apply(a.netns()));
            fds.add(fd);
            m.netnsFd(fd);
        }
        return m;
    }

    @Override
    public void close() {
        fds.forEach(Libc::closeFd);
    }
}
