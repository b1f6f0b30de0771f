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

    /** {@code route [-n] [-e]}, or {@code route add|del} ({@link #change}). */
    public CommandResult route(List<String> args) {
        boolean numeric = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-n")) {
                numeric = true;
            } else if (args.get(i).equals("add") || args.get(i).equals("del")) {
                return change(args.get(i).equals("add"), args.subList(i + 1, args.size()));
            }
        }
        return CommandResult.ok(lines(numeric, false));
    }

    /**
     * {@code route add|del [-net|-host] TARGET|default [netmask M] [gw GW] [metric N] [[dev] IF]}
     * (route.c, INET_setroute): SIOCADDRT or SIOCDELRT through the seam, whose EPERM without
     * CAP_NET_ADMIN it prints as {@code route: SIOCADDRT: Operation not permitted}, exit 1.
     */
    private CommandResult change(boolean add, List<String> args) {
        String ioctl = add ? "SIOCADDRT" : "SIOCDELRT";
        String target = null;
        boolean host = false;
        Integer mask = null;
        int gw = 0;
        String dev = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String w = args.get(i);
                switch (w) {
                    case "-net" -> host = false;
                    case "-host" -> host = true;
                    case "netmask" -> mask = Ipv4Address.parse(args.get(++i)).bits();
                    case "gw" -> gw = Ipv4Address.parse(args.get(++i)).bits();
                    case "metric", "mss", "window", "irtt" -> i++;
                    case "dev" -> dev = args.get(++i);
                    default -> {
                        if (target == null) {
                            target = w;
                        } else {
                            dev = w;
                        }
                    }
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Usage.fail("route");
        }
        if (target == null) {
            return Usage.fail("route");
        }
        Cidr dst;
        try {
            dst = target.equals("default") ? Cidr.parse("0.0.0.0/0")
                    : target.contains("/") ? Cidr.parse(target)
                    : Cidr.parse(target + "/" + (host ? 32 : mask != null ? Integer.bitCount(mask) : 32));
        } catch (IllegalArgumentException e) {
            return CommandResult.fail(1, "route: resolving " + target);
        }
        try {
            if (add) {
                kernel.routeAdd(ns, dst, gw, dev != null ? dev : BusyboxIpChange.connectedDevice(kernel, ns, gw));
            } else {
                kernel.routeDel(ns, dst);
            }
            return CommandResult.ok(List.of());
        } catch (dev.dockwire.kernel.KernelException e) {
            return CommandResult.fail(1, "route: " + ioctl + ": " + e.getMessage().replaceFirst("^RTNETLINK answers: ", ""));
        }
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
