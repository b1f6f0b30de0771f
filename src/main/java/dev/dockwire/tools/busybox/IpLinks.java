package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.tools.IpCommand;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * BusyBox's {@code ip addr} and {@code ip link} listing (networking/libiproute/ipaddress.c,
 * print_linkinfo and print_addrinfo) over one namespace's link and address dumps. Its differences
 * from iproute2 are the point: no {@code state}/{@code group}, {@code qlen} only when the queue
 * has a length, {@code M-DOWN} when the link's {@code IFLA_LINK} is not an up device of this
 * namespace (so every veth whose peer is on the host), and {@code -o} joining with a backslash.
 */
final class IpLinks {
    /** Which addresses {@code -4}, {@code -6}, {@code -0} ask for; NONE lists every family. */
    enum Family { NONE, INET, INET6, LINK }

    private final List<LinkInfo> links;
    private final List<AddrInfo> addrs;
    private final Family family;
    private final boolean oneline;

    IpLinks(List<LinkInfo> links, List<AddrInfo> addrs, Family family, boolean oneline) {
        this.links = links;
        this.addrs = addrs;
        this.family = family;
        this.oneline = oneline;
    }

    /** The link called {@code name}, or null. */
    LinkInfo find(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * ipaddr_list_or_flush: each link (only {@code dev} when not null) and its addresses. With a
     * family other than link, links without an address of it are left out, and {@code -o} leaves
     * out the link lines altogether (ipaddress.c's no_link).
     */
    List<String> list(LinkInfo dev) {
        List<String> out = new ArrayList<>();
        for (LinkInfo l : links) {
            if (dev != null && l.ifindex() != dev.ifindex()) {
                continue;
            }
            List<AddrInfo> own = family == Family.LINK || family == Family.INET6 ? List.of()
                    : addrs.stream().filter(a -> a.ifindex() == l.ifindex()).toList();
            if ((family == Family.INET || family == Family.INET6) && own.isEmpty()) {
                continue;
            }
            boolean noLink = oneline && family != Family.LINK;
            if (!noLink) {
                out.addAll(linkLine(l).lines().toList());
            }
            for (AddrInfo a : own) {
                out.addAll(addrLine(l, a).lines().toList());
            }
        }
        return out;
    }

    /** print_linkinfo: {@code N: NAME[@LINK]: <FLAGS> mtu M qdisc Q [master B] [qlen N]}, then {@code link/ether} unless a family is asked for. */
    private String linkLine(LinkInfo l) {
        StringBuilder sb = new StringBuilder().append(l.ifindex()).append(": ").append(l.name());
        boolean mdown = false;
        if (l.peerIfindex() > 0) {
            // ll_index_to_name/ll_index_to_flags look the index up in this namespace only.
            LinkInfo link = links.stream().filter(o -> o.ifindex() == l.peerIfindex()).findFirst().orElse(null);
            sb.append('@').append(link == null ? "if" + l.peerIfindex() : link.name()).append(": ");
            mdown = link == null || !link.up();
        } else {
            sb.append(": ");
        }
        sb.append('<').append(IpCommand.flags(l));
        if (mdown) {
            sb.append(",M-DOWN");
        }
        sb.append("> mtu ").append(l.mtu()).append(" qdisc ").append(l.up() ? "noqueue" : "noop").append(' ');
        if (l.master() != null) {
            sb.append("master ").append(l.master()).append(' ');
        }
        if (l.kind().equals("loopback")) {
            sb.append("qlen 1000");
        }
        if (family == Family.NONE || family == Family.LINK) {
            sb.append(oneline ? "\\" : "\n").append("    ");
            if (l.kind().equals("loopback")) {
                sb.append("link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
            } else {
                sb.append("link/ether ").append(MacAddress.format(l.mac())).append(" brd ff:ff:ff:ff:ff:ff");
            }
        }
        return sb.toString();
    }

    /** print_addrinfo: {@code    inet A/N [brd B] scope S LABEL}, then the lifetimes ({@code \} instead of a newline with -o). */
    private String addrLine(LinkInfo l, AddrInfo a) {
        StringBuilder sb = new StringBuilder();
        if (oneline) {
            sb.append(l.ifindex()).append(": ").append(l.name());
        }
        sb.append("    inet ").append(a.cidr()).append(' ');
        if (a.broadcast() != 0) {
            sb.append("brd ").append(Ipv4Address.format(a.broadcast())).append(' ');
        }
        sb.append("scope ").append(a.hostScope() ? "host" : "global").append(' ').append(l.name());
        return sb.append(oneline ? "\\" : "\n").append("       valid_lft forever preferred_lft forever").toString();
    }
}
