package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BusyBox's {@code ip route [list] [default|PREFIX] [dev DEV]} and {@code ip route get ADDR}
 * (networking/libiproute/iproute.c, print_route): {@code via} and {@code dev} then
 * {@code scope link} for a non-universe route, and the preferred source printed as
 * {@code " src X "} after them, hence {@code scope link  src X } with two spaces and a trailing
 * blank; no {@code proto kernel} (its "Todo: parse & show"). A {@code get} answer is a cloned
 * route, so it shows no scope.
 */
final class IpRoutes {
    private final List<RouteInfo> routes;
    private final List<AddrInfo> addrs;

    IpRoutes(List<RouteInfo> routes, List<AddrInfo> addrs) {
        this.routes = routes;
        this.addrs = addrs;
    }

    /** The main table, only {@code dev}'s routes when it is not null and only the routes to exactly {@code prefix} when that is not null. */
    List<String> list(String dev, Cidr prefix) {
        List<String> out = new ArrayList<>();
        for (RouteInfo r : routes) {
            if (dev != null && !dev.equals(r.dev())) {
                continue;
            }
            if (prefix != null && (prefix.prefixLength() != r.dst().prefixLength() || prefix.networkBits() != r.dst().networkBits())) {
                continue;
            }
            out.add(line(r));
        }
        return out;
    }

    /** print_route for one main-table route. */
    static String line(RouteInfo r) {
        StringBuilder sb = new StringBuilder();
        if (r.dst().prefixLength() == 0) {
            sb.append("default ");
        } else if (r.dst().prefixLength() == 32) {
            sb.append(r.dst().address()).append(' ');
        } else {
            sb.append(r.dst().network()).append(' ');
        }
        if (r.gateway() != 0) {
            sb.append("via ").append(Ipv4Address.format(r.gateway())).append(' ');
        }
        sb.append("dev ").append(r.dev()).append(' ');
        if (r.gateway() == 0) {
            sb.append("scope link ");
        }
        if (r.src() != 0) {
            sb.append(" src ").append(Ipv4Address.format(r.src())).append(' ');
        }
        if (r.metric() != 0) {
            sb.append(" metric ").append(r.metric()).append(' ');
        }
        return sb.toString();
    }

    /**
     * {@code ip route get ADDR}: the kernel's answer (fib lookup, longest prefix then lowest
     * metric, an own address by {@code lo} as {@code local}) printed as BusyBox prints a cloned
     * route; null when no route matches.
     */
    String get(int dst) {
        for (AddrInfo a : addrs) {
            if (a.cidr().addressBits() == dst || (dst >>> 24 == 127 && a.dev().equals("lo"))) {
                return "local " + Ipv4Address.format(dst) + " dev lo  src " + Ipv4Address.format(a.dev().equals("lo") ? dst : a.cidr().addressBits()) + " ";
            }
        }
        RouteInfo best = routes.stream().filter(r -> r.dst().contains(dst))
                .max(Comparator.comparingInt((RouteInfo r) -> r.dst().prefixLength()).thenComparing(r -> -r.metric()))
                .orElse(null);
        if (best == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Ipv4Address.format(dst)).append(' ');
        if (best.gateway() != 0) {
            sb.append("via ").append(Ipv4Address.format(best.gateway())).append(' ');
        }
        sb.append("dev ").append(best.dev()).append(' ');
        int src = best.src() != 0 ? best.src() : source(best);
        if (src != 0) {
            sb.append(" src ").append(Ipv4Address.format(src)).append(' ');
        }
        return sb.toString();
    }

    /** inet_select_addr: the device's address on the gateway's (or destination's) subnet, else its first. */
    private int source(RouteInfo r) {
        int toward = r.gateway() != 0 ? r.gateway() : r.dst().networkBits();
        int first = 0;
        for (AddrInfo a : addrs) {
            if (!a.dev().equals(r.dev())) {
                continue;
            }
            if (a.cidr().network().contains(toward)) {
                return a.cidr().addressBits();
            }
            if (first == 0) {
                first = a.cidr().addressBits();
            }
        }
        return first;
    }
}
