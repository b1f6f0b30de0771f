package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IPv4 routing table as BusyBox's {@code route [-n]} and {@code netstat -r[n]} print it
 * (networking/route.c, bb_displayroutes over /proc/net/route): without {@code -n} the destination
 * 0.0.0.0 is {@code default} and a gateway 0.0.0.0 is {@code *}; netstat's columns are
 * {@code MSS Window irtt} where route's are {@code Metric Ref Use}.
 */
public final class RouteTable {
    private final Kernel kernel;
    private final String ns;

    public RouteTable(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    /** {@code route [-n] [-e]}; {@code route add|del} needs CAP_NET_ADMIN. */
    public CommandResult route(List<String> args) {
        boolean numeric = false;
        for (String a : args) {
            if (a.equals("-n")) {
                numeric = true;
            } else if (a.equals("add") || a.equals("del")) {
                return CommandResult.fail(1, "route: SIOCADDRT: Operation not permitted");
            }
        }
        return CommandResult.ok(lines(numeric, false));
    }

    /** The table under its heading, as route (netstat false) or netstat -r prints it. */
    public List<String> lines(boolean numeric, boolean netstat) {
        List<String> out = new ArrayList<>();
        out.add("Kernel IP routing table");
        out.add("Destination     Gateway         Genmask         Flags " + (netstat ? "  MSS Window  irtt" : "Metric Ref    Use") + " Iface");
        for (RouteInfo r : kernel.routes(ns)) {
            String dst = numeric || r.dst().prefixLength() != 0 ? Ipv4Address.format(r.dst().networkBits()) : "default";
            String gw = numeric || r.gateway() != 0 ? Ipv4Address.format(r.gateway()) : "*";
            String flags = "U" + (r.gateway() != 0 ? "G" : "") + (r.dst().prefixLength() == 32 ? "H" : "");
            String head = String.format(Locale.ROOT, "%-15.15s %-15.15s %-16s%-6s", dst, gw,
                    Ipv4Address.format(Cidr.mask(r.dst().prefixLength())), flags);
            out.add(head + (netstat ? String.format(Locale.ROOT, "%5d %-5d %6d %s", 0, 0, 0, r.dev())
                    : String.format(Locale.ROOT, "%-6d %-2d %7d %s", r.metric(), 0, 0, r.dev())));
        }
        return out;
    }
}
