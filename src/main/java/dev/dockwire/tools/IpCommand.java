package dev.dockwire.tools;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * iproute2's {@code ip} for one namespace, printing what the real tool prints, from the kernel's
 * dumps: {@code ip [-br] [-4] [-s] [-d] addr|link [show [dev DEV]]}, {@code ip route [show]},
 * {@code ip neigh [show]}; changes ({@code add}, {@code del}, {@code set}) go to {@link IpChange}. Works the same on the emulated and the real kernel.
 */
public final class IpCommand {
    private final Kernel kernel;
    private final String ns;

    public IpCommand(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        boolean brief = false;
        boolean stats = false;
        boolean details = false;
        boolean oneline = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            switch (args.get(i)) {
                case "-br", "-brief" -> brief = true;
                case "-s", "-stats" -> stats = true;
                case "-d", "-details" -> details = true;
                case "-o", "-oneline" -> oneline = true;
                case "-4", "-c", "-color" -> {
                    // accepted; IPv4 only and no colour anyway
                }
                default -> {
                    return CommandResult.fail(255, "Option \"" + args.get(i) + "\" is unknown, try \"ip -help\".");
                }
            }
            i++;
        }
        if (i >= args.size()) {
            return CommandResult.fail(255, "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
        }
        String object = args.get(i++);
        List<String> rest = args.subList(i, args.size());
        if (!rest.isEmpty() && IpChange.handles(object, rest.get(0))) {
            return new IpChange(kernel, ns).run(object, rest);
        }
        String dev = null;
        for (int j = 0; j < rest.size(); j++) {
            String w = rest.get(j);
            if (w.equals("dev") && j + 1 < rest.size()) {
                dev = rest.get(++j);
            } else if (!w.equals("show") && !w.equals("list") && !w.equals("ls")) {
                if (j == rest.size() - 1 && !w.startsWith("-") && (object.startsWith("a") || object.startsWith("l"))) {
                    dev = w;
                } else {
                    return CommandResult.fail(255, "Command \"" + w + "\" is unknown, try \"ip " + object + " help\".");
                }
            }
        }
        try {
            return switch (object) {
                case "a", "ad", "addr", "address" -> CommandResult.ok(brief ? addrBrief(dev)
                        : oneline ? onelineAddr(addr(dev, false, false, details)) : addr(dev, false, stats, details));
                case "l", "li", "link" -> CommandResult.ok(brief ? linkBrief(dev)
                        : oneline ? onelineLink(addr(dev, true, stats, details)) : addr(dev, true, stats, details));
                case "r", "ro", "route" -> CommandResult.ok(routes());
                case "n", "neigh", "neighbour", "neighbor" -> CommandResult.ok(neigh());
                default -> CommandResult.fail(255, "Object \"" + object + "\" is unknown, try \"ip help\".");
            };
        } catch (KernelException e) {
            return CommandResult.fail(1, e.getMessage());
        } catch (DeviceMissing e) {
            return CommandResult.fail(1, "Device \"" + e.getMessage() + "\" does not exist.");
        }
    }

    private static final class DeviceMissing extends RuntimeException {
        DeviceMissing(String dev) {
            super(dev, null, false, false);
        }
    }

    private List<LinkInfo> links(String dev) {
        List<LinkInfo> links = kernel.links(ns);
        if (dev == null) {
            return links;
        }
        List<LinkInfo> one = links.stream().filter(l -> l.name().equals(dev)).toList();
        if (one.isEmpty()) {
            throw new DeviceMissing(dev);
        }
        return one;
    }

    /** {@code ip addr} (or {@code ip link} when {@code linkOnly}). */
    private List<String> addr(String dev, boolean linkOnly, boolean stats, boolean details) {
        List<String> out = new ArrayList<>();
        List<AddrInfo> addrs = linkOnly ? List.of() : kernel.addresses(ns);
        List<LinkInfo> all = kernel.links(ns);
        for (LinkInfo l : links(dev)) {
            out.add(l.ifindex() + ": " + ifname(l, all) + ": <" + flags(l) + "> mtu " + l.mtu() + " qdisc noqueue"
                    + (l.master() == null ? "" : " master " + l.master()) + " state " + operstate(l)
                    + (linkOnly ? " mode DEFAULT" : "") + " group default" + (l.kind().equals("loopback") ? " qlen 1000" : " "));
            if (l.kind().equals("loopback")) {
                out.add("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
            } else {
                out.add("    link/ether " + MacAddress.format(l.mac()) + " brd ff:ff:ff:ff:ff:ff"
                        + (l.linkNetnsid() >= 0 ? " link-netnsid " + l.linkNetnsid() : ""));
            }
            if (details && kindDetails(l) != null) {
                out.add("    " + kindDetails(l));
            }
            for (AddrInfo a : addrs) {
                if (a.ifindex() != l.ifindex()) {
                    continue;
                }
                StringBuilder sb = new StringBuilder("    inet ").append(a.cidr());
                if (a.broadcast() != 0) {
                    sb.append(" brd ").append(Ipv4Address.format(a.broadcast()));
                }
                sb.append(a.hostScope() ? " scope host " : " scope global ").append(l.name());
                out.add(sb.toString());
                out.add("       valid_lft forever preferred_lft forever");
            }
            if (stats) {
                out.add("    RX:  bytes packets errors dropped  missed   mcast           ");
                out.add(String.format(Locale.ROOT, "    %10d %7d %6d %7d %7d %7d ", l.rxBytes(), l.rxPackets(), 0, l.rxDropped(), 0, 0));
                out.add("    TX:  bytes packets errors dropped carrier collsns           ");
                out.add(String.format(Locale.ROOT, "    %10d %7d %6d %7d %7d %7d ", l.txBytes(), l.txPackets(), 0, l.txDropped(), 0, 0));
            }
        }
        return out;
    }

    /**
     * {@code ip -o addr}: one line per address, {@code IDX: NAME    inet ...} with its continuation
     * after a backslash, and no link lines (iproute2's ipaddress.c with oneline set).
     */
    private static List<String> onelineAddr(List<String> lines) {
        List<String> out = new ArrayList<>();
        String link = null;
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k);
            if (!l.startsWith(" ")) {
                String name = l.substring(l.indexOf(": ") + 2, l.indexOf(": <"));
                link = l.substring(0, l.indexOf(": ")) + ": " + (name.contains("@") ? name.substring(0, name.indexOf('@')) : name);
            } else if (l.startsWith("    inet ") && k + 1 < lines.size()) {
                out.add(link + "    " + l.trim() + "\\" + lines.get(++k));
            }
        }
        return out;
    }

    /** {@code ip -o link}: each link's lines joined by backslashes. */
    private static List<String> onelineLink(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith(" ") && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\\" + l);
            } else {
                out.add(l);
            }
        }
        return out;
    }

    private List<String> addrBrief(String dev) {
        List<String> out = new ArrayList<>();
        List<AddrInfo> addrs = kernel.addresses(ns);
        List<LinkInfo> all = kernel.links(ns);
        for (LinkInfo l : links(dev)) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %-14s ", ifname(l, all), operstate(l)));
            for (AddrInfo a : addrs) {
                if (a.ifindex() == l.ifindex()) {
                    sb.append(a.cidr()).append(' ');
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    private List<String> linkBrief(String dev) {
        List<String> out = new ArrayList<>();
        List<LinkInfo> all = kernel.links(ns);
        for (LinkInfo l : links(dev)) {
            String mac = l.kind().equals("loopback") ? "00:00:00:00:00:00" : MacAddress.format(l.mac());
            out.add(String.format(Locale.ROOT, "%-16s %-14s %s <%s> ", ifname(l, all), operstate(l), mac, flags(l)));
        }
        return out;
    }

    private List<String> routes() {
        List<String> out = new ArrayList<>();
        for (RouteInfo r : kernel.routes(ns)) {
            out.add(formatRoute(r));
        }
        return out;
    }

    /** One line of {@code ip route}. */
    public static String formatRoute(RouteInfo r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.dst().prefixLength() == 0 ? "default"
                : r.dst().prefixLength() == 32 ? r.dst().address().toString() : r.dst().network().toString());
        if (r.gateway() != 0) {
            sb.append(" via ").append(Ipv4Address.format(r.gateway()));
        }
        sb.append(" dev ").append(r.dev());
        if (r.kernel()) {
            sb.append(" proto kernel scope link");
        } else if (r.gateway() == 0) {
            sb.append(" scope link");
        }
        if (r.src() != 0) {
            sb.append(" src ").append(Ipv4Address.format(r.src()));
        }
        if (r.metric() != 0) {
            sb.append(" metric ").append(r.metric());
        }
        if (r.linkdown()) {
            sb.append(" linkdown");
        }
        return sb.append(' ').toString();
    }

    private List<String> neigh() {
        List<String> out = new ArrayList<>();
        for (NeighInfo n : kernel.neighbours(ns)) {
            StringBuilder sb = new StringBuilder(Ipv4Address.format(n.ip())).append(" dev ").append(n.dev());
            if (!n.state().equals("INCOMPLETE") && !n.state().equals("FAILED")) {
                sb.append(" lladdr ").append(MacAddress.format(n.mac()));
            }
            out.add(sb.append(' ').append(n.state()).toString());
        }
        return out;
    }

    /**
     * The name with its link as iproute2 prints it: {@code eth0@if5} when the link (a veth's peer, a
     * macvlan's parent) is in another namespace, {@code eth0.10@eth0} when it is in this one.
     */
    private static String ifname(LinkInfo l, List<LinkInfo> all) {
        if (l.peerIfindex() <= 0) {
            return l.name();
        }
        if (l.linkNetnsid() < 0) {
            for (LinkInfo o : all) {
                if (o.ifindex() == l.peerIfindex()) {
                    return l.name() + "@" + o.name();
                }
            }
        }
        return l.name() + "@if" + l.peerIfindex();
    }

    /** The kind's line of {@code ip -d link}, for the kinds whose options matter here; else null. */
    private static String kindDetails(LinkInfo l) {
        return switch (l.kind()) {
            case "macvlan" -> "macvlan mode " + l.macvlanMode() + " bcqueuelen 1000 usedbcqueuelen 1000 ";
            case "vlan" -> "vlan protocol 802.1Q id " + l.vlanId() + " <REORDER_HDR> ";
            case "veth", "dummy" -> l.kind() + " ";
            default -> null;
        };
    }

    /**
     * The flags between angle brackets, in the order iproute2's and BusyBox's print_link_flags
     * share (NO-CARRIER, then the kernel's IFF_ flags; loopback always has its carrier).
     */
    public static String flags(LinkInfo l) {
        List<String> f = new ArrayList<>();
        boolean loop = l.kind().equals("loopback");
        if (l.up() && !l.carrier() && !loop) {
            f.add("NO-CARRIER");
        }
        if (loop) {
            f.add("LOOPBACK");
        } else {
            f.add("BROADCAST");
            f.add("MULTICAST");
        }
        if (l.up()) {
            f.add("UP");
            if (l.carrier()) {
                f.add("LOWER_UP");
            }
        }
        return String.join(",", f);
    }

    /** IF_OPER state: loopback reports UNKNOWN when up. */
    private static String operstate(LinkInfo l) {
        if (!l.up()) {
            return "DOWN";
        }
        if (l.kind().equals("loopback")) {
            return "UNKNOWN";
        }
        return l.carrier() ? "UP" : "DOWN";
    }
}
