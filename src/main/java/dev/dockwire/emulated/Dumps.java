package dev.dockwire.emulated;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.kernel.FdbInfo;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.kernel.QdiscInfo;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.kernel.SocketInfo;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.FdbEntry;
import dev.dockwire.link.LinkType;
import dev.dockwire.link.Macvlan;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.Veth;
import dev.dockwire.link.Vlan;
import dev.dockwire.link.tc.Qdisc;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netns.Namespace;
import dev.dockwire.netns.stack.IfAddress;
import dev.dockwire.netns.stack.Neighbour;
import dev.dockwire.netns.stack.Route;
import dev.dockwire.netns.stack.SocketEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The emulated kernel's dump answers: its {@code netns} and {@code link} objects as the seam's
 * plain records, the way rtnetlink's RTM_GET* dumps (rtnl_fill_ifinfo, inet_fill_ifaddr, ...)
 * describe the kernel's.
 */
final class Dumps {
    private Dumps() {
    }

    /**
     * {@code ip -d link show}; {@code netnsid} numbers the namespace a peer or parent is in as
     * {@code n} sees it ({@code eth0@if5 link-netnsid 0}), -1 when it is {@code n} itself.
     */
    static List<LinkInfo> links(Namespace n, ToIntFunction<NetDevice> netnsid) {
        List<LinkInfo> out = new ArrayList<>();
        for (NetDevice d : n.devices()) {
            NetDevice link = d instanceof Veth v ? v.peer() : d.lower();
            var st = d.stats();
            out.add(new LinkInfo(d.ifindex(), d.name(), d.type().kind(), d.mac(), d.mtu(), d.isUp(), d.hasCarrier(),
                    d.master() == null ? null : d.master().name(), link == null ? 0 : link.ifindex(),
                    link == null ? -1 : netnsid.applyAsInt(link),
                    st.rxPackets, st.rxBytes, st.rxDropped, st.txPackets, st.txBytes, st.txDropped,
                    d instanceof Macvlan m ? m.mode().word() : null, d instanceof Vlan vl ? vl.vid() : 0));
        }
        return out;
    }

    static List<AddrInfo> addresses(Namespace n) {
        List<AddrInfo> out = new ArrayList<>();
        for (NetDevice d : n.devices()) {
            for (IfAddress a : n.addresses(d)) {
                boolean lo = d.type() == LinkType.LOOPBACK;
                out.add(new AddrInfo(d.ifindex(), d.name(), a.cidr(), lo ? 0 : a.broadcast(), lo));
            }
        }
        return out;
    }

    static List<RouteInfo> routes(Namespace n) {
        List<RouteInfo> out = new ArrayList<>();
        for (Route r : n.fib().routes()) {
            out.add(new RouteInfo(r.dst(), r.gateway(), r.dev().name(), r.src(), r.metric(), r.kernel(),
                    !r.dev().hasCarrier()));
        }
        return out;
    }

    static List<NeighInfo> neighbours(Namespace n) {
        List<NeighInfo> out = new ArrayList<>();
        for (Neighbour nb : n.neighbours().entries()) {
            out.add(new NeighInfo(nb.ip(), nb.dev().name(), nb.mac(), nb.state().name()));
        }
        return out;
    }

    static List<SocketInfo> sockets(Namespace n) {
        List<SocketInfo> out = new ArrayList<>();
        for (SocketEntry s : n.stack().sockets()) {
            out.add(new SocketInfo(s.proto(), s.localAddr(), s.localPort(), s.remoteAddr(), s.remotePort(), s.state(), s.recvQ(),
                    s.sendQ()));
        }
        return out;
    }

    static List<FdbInfo> fdb(Bridge br) {
        List<FdbInfo> out = new ArrayList<>();
        for (FdbEntry e : br.fdb().entries()) {
            out.add(new FdbInfo(e.mac(), e.port() == null ? br.name() : e.port().dev().name(), br.name(), e.isPermanent()));
        }
        return out;
    }

    /** {@code tc -s qdisc show}: a device without qdiscs shows noqueue. */
    static List<QdiscInfo> qdiscs(Namespace n, Function<NetDevice, List<Qdisc>> chains) {
        List<QdiscInfo> out = new ArrayList<>();
        for (NetDevice d : n.devices()) {
            List<Qdisc> chain = chains.apply(d);
            if (chain.isEmpty()) {
                out.add(new QdiscInfo(d.name(), "noqueue", "0:", "root", "", 0, 0, 0, 0, 0, 0, 0));
                continue;
            }
            for (Qdisc q : chain) {
                out.add(new QdiscInfo(d.name(), q.kind(), q.handle(), q.parent(), q.options(), q.sentBytes, q.sentPackets,
                        q.dropped, q.overlimits, q.requeues, q.backlogBytes, q.backlogPackets));
            }
        }
        return out;
    }

    /** {@code conntrack -L} at virtual time {@code now}, oldest first. */
    static List<ConntrackInfo> conntrack(List<Conn> entries, long now) {
        List<ConntrackInfo> out = new ArrayList<>();
        for (Conn c : entries) {
            out.add(new ConntrackInfo(c.protocol(), Math.max(0, (c.timeoutNanos() - now) / 1_000_000_000L),
                    c.protocol() == 6 ? c.tcpStateName() : null, tuple(c, Conn.ORIGINAL), tuple(c, Conn.REPLY),
                    c.seenReply(), c.assured(), 0, 1));
        }
        return out;
    }

    private static ConntrackInfo.Tuple tuple(Conn c, int dir) {
        if (c.protocol() == 1) {
            return new ConntrackInfo.Tuple(c.src(dir), c.dst(dir), -1, -1, c.dport(dir) >>> 8, c.dport(dir) & 0xFF,
                    c.sport(dir));
        }
        boolean ports = c.protocol() == 6 || c.protocol() == 17 || c.protocol() == 33 || c.protocol() == 132
                || c.protocol() == 136;
        return new ConntrackInfo.Tuple(c.src(dir), c.dst(dir), ports ? c.sport(dir) : -1, ports ? c.dport(dir) : -1,
                -1, -1, -1);
    }
}
