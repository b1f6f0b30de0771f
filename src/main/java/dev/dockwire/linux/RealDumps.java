package dev.dockwire.linux;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.FdbInfo;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.linux.netlink.AddrMessage;
import dev.dockwire.linux.netlink.Ifinfomsg;
import dev.dockwire.linux.netlink.LinkMessage;
import dev.dockwire.linux.netlink.NeighMessage;
import dev.dockwire.linux.netlink.NlmsgWriter;
import dev.dockwire.linux.netlink.RouteMessage;
import dev.dockwire.linux.netlink.Rtm;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real kernel's dumps as the seam's records: RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE and
 * RTM_GETNEIGH answers read the way iproute2's {@code ip link|addr|route|neigh show} and
 * {@code bridge fdb show} print them.
 */
final class RealDumps {
    private RealDumps() {
    }

    private static List<LinkMessage> dumpLinks(NetlinkSocket nl) {
        return nl.dump(Rtm.RTM_GETLINK, new LinkMessage()::emit, LinkMessage::parse);
    }

    private static Map<Integer, String> names(NetlinkSocket nl) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (LinkMessage m : dumpLinks(nl)) {
            names.put(m.index(), m.ifname());
        }
        return names;
    }

    static List<LinkInfo> links(NetlinkSocket nl) {
        List<LinkMessage> dump = dumpLinks(nl);
        Map<Integer, String> names = new HashMap<>();
        dump.forEach(m -> names.put(m.index(), m.ifname()));
        List<LinkInfo> out = new ArrayList<>();
        for (LinkMessage m : dump) {
            String kind = m.kind() != null ? m.kind() : m.ifiType() == Ifinfomsg.ARPHRD_LOOPBACK ? "loopback" : "ether";
            boolean linked = "veth".equals(kind) || "macvlan".equals(kind) || "vlan".equals(kind);
            int modeBit = Integer.numberOfTrailingZeros(m.macvlanMode());
            out.add(new LinkInfo(m.index(), m.ifname(), kind, Math.max(0, m.address()), m.mtu(),
                    (m.flags() & Ifinfomsg.IFF_UP) != 0, (m.flags() & Ifinfomsg.IFF_LOWER_UP) != 0,
                    m.master() == 0 ? null : names.get(m.master()), linked ? m.link() : 0, linked ? m.linkNetnsid() : -1,
                    m.stat(0), m.stat(2), m.stat(6), m.stat(1), m.stat(3), m.stat(7),
                    "macvlan".equals(kind) && modeBit < LinkRequest.MACVLAN_MODES.size() ? LinkRequest.MACVLAN_MODES.get(modeBit) : null,
                    m.vlanId()));
        }
        return out;
    }

    private static void inet(NlmsgWriter w, int structLength) {
        w.buf().setByte(w.reserve(structLength), Rtm.AF_INET);
    }

    static List<AddrInfo> addresses(NetlinkSocket nl) {
        Map<Integer, String> names = names(nl);
        List<AddrInfo> out = new ArrayList<>();
        for (AddrMessage a : nl.dump(Rtm.RTM_GETADDR, w -> inet(w, 8), AddrMessage::parse)) {
            if (a.family() == Rtm.AF_INET) {
                out.add(new AddrInfo(a.index(), names.get(a.index()), Cidr.of(a.local(), a.prefixlen()), a.broadcast(),
                        a.scope() == AddrMessage.RT_SCOPE_HOST));
            }
        }
        out.sort(java.util.Comparator.comparingInt(AddrInfo::ifindex));
        return out;
    }

    static List<RouteInfo> routes(NetlinkSocket nl) {
        Map<Integer, String> names = names(nl);
        List<RouteInfo> out = new ArrayList<>();
        for (RouteMessage r : nl.dump(Rtm.RTM_GETROUTE, w -> inet(w, 12), RouteMessage::parse)) {
            if (r.family() == Rtm.AF_INET && r.table() == RouteMessage.RT_TABLE_MAIN && r.type() == RouteMessage.RTN_UNICAST) {
                out.add(new RouteInfo(Cidr.of(r.dst(), r.dstLen()), r.gateway(), names.get(r.oif()), r.prefsrc(),
                        r.priority(), r.protocol() == RouteMessage.RTPROT_KERNEL,
                        (r.flags() & RouteMessage.RTNH_F_LINKDOWN) != 0));
            }
        }
        return out;
    }

    /** Like {@code ip neigh show}: NOARP and NONE entries are left out, as iproute2 does. */
    static List<NeighInfo> neighbours(NetlinkSocket nl) {
        Map<Integer, String> names = names(nl);
        List<NeighInfo> out = new ArrayList<>();
        for (NeighMessage n : nl.dump(Rtm.RTM_GETNEIGH, w -> inet(w, 12), NeighMessage::parse)) {
            if (n.family() == Rtm.AF_INET && n.state() != 0 && n.state() != NeighMessage.NUD_NOARP) {
                out.add(new NeighInfo(n.dst(), names.get(n.ifindex()), Math.max(0, n.lladdr()), n.stateName()));
            }
        }
        return out;
    }

    /** Like {@code bridge fdb show br BRIDGE}, unicast entries only (the multicast ones are the kernel's own). */
    static List<FdbInfo> fdb(NetlinkSocket nl, int br, String bridge) {
        Map<Integer, String> names = names(nl);
        List<FdbInfo> out = new ArrayList<>();
        for (NeighMessage n : nl.dump(Rtm.RTM_GETNEIGH,
                w -> w.buf().setByte(w.reserve(12), Rtm.AF_BRIDGE), NeighMessage::parse)) {
            boolean ours = n.master() == br || n.ifindex() == br;
            if (ours && n.lladdr() >= 0 && !MacAddress.isMulticast(n.lladdr())) {
                out.add(new FdbInfo(n.lladdr(), names.get(n.ifindex()), bridge,
                        (n.state() & NeighMessage.NUD_PERMANENT) != 0));
            }
        }
        return out;
    }
}
