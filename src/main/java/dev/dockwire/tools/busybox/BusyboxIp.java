package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * BusyBox's {@code ip} in a container (networking/ip.c and libiproute): {@code -o}, {@code -4},
 * {@code -6}, {@code -0}, {@code -f FAMILY} and nothing else (iproute2's {@code -br}, {@code -s},
 * {@code -d} are its usage and exit 1); {@code addr}, {@code link}, {@code route} (with {@code get}),
 * {@code neigh}, {@code rule}, {@code tunnel}, objects matched by prefix. {@code addr add}, {@code
 * link add|del|set} and {@code route add|del|replace} go to the seam ({@link BusyboxIpChange}),
 * which refuses them without CAP_NET_ADMIN (Docker's default capabilities lack it); the seam has
 * no call for the other changes ({@code addr del}, {@code flush}, {@code rule add}), which are
 * refused as without it.
 */
public final class BusyboxIp {
    private static final String EPERM = "ip: RTNETLINK answers: Operation not permitted";

    private final Kernel kernel;
    private final String ns;

    public BusyboxIp(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> argv) {
        IpLinks.Family family = IpLinks.Family.NONE;
        boolean oneline = false;
        int i = 0;
        // ip_parse_common_args: each option a prefix of oneline, family, 4, 6 or 0.
        while (i < argv.size() && argv.get(i).startsWith("-")) {
            String opt = argv.get(i).substring(1);
            if (opt.startsWith("-")) {
                opt = opt.substring(1);
                if (opt.isEmpty()) {
                    i++;
                    break;
                }
            }
            if (!opt.isEmpty() && "oneline".startsWith(opt)) {
                oneline = true;
            } else if (!opt.isEmpty() && "family".startsWith(opt)) {
                if (++i >= argv.size()) {
                    return Usage.fail("ip");
                }
                switch (argv.get(i)) {
                    case "inet" -> family = IpLinks.Family.INET;
                    case "inet6" -> family = IpLinks.Family.INET6;
                    case "link" -> family = IpLinks.Family.LINK;
                    default -> {
                        return CommandResult.fail(1, "ip: invalid argument '" + argv.get(i) + "' to 'family'");
                    }
                }
            } else if (opt.equals("4")) {
                family = IpLinks.Family.INET;
            } else if (opt.equals("6")) {
                family = IpLinks.Family.INET6;
            } else if (opt.equals("0")) {
                family = IpLinks.Family.LINK;
            } else {
                return Usage.fail("ip");
            }
            i++;
        }
        if (i >= argv.size()) {
            return Usage.fail("ip");
        }
        String object = argv.get(i);
        List<String> rest = argv.subList(i + 1, argv.size());
        return switch (object(object)) {
            case "address" -> addr(rest, family, oneline);
            case "route" -> route(rest, family);
            case "link" -> link(rest, oneline);
            case "neigh" -> neigh(rest, family);
            case "rule" -> rule(rest, family);
            case "tunnel" -> rest.isEmpty() || isShow(rest.get(0)) ? CommandResult.ok(List.of()) : invalid(rest.get(0));
            default -> Usage.fail("ip");
        };
    }

    /** ip.c's index_in_substrings over its objects: the first one {@code word} is a prefix of. */
    private static String object(String word) {
        for (String o : List.of("address", "route", "link", "tunnel", "tunl", "neigh", "rule")) {
            if (!word.isEmpty() && o.startsWith(word)) {
                return o.equals("tunl") ? "tunnel" : o;
            }
        }
        return "";
    }

    private static boolean isShow(String w) {
        return w.equals("show") || w.equals("list") || w.equals("lst") || w.equals("ls");
    }

    private static boolean isChange(String w) {
        return List.of("add", "append", "change", "chg", "delete", "del", "replace", "prepend", "test", "flush", "set").contains(w);
    }

    private static CommandResult invalid(String word) {
        return CommandResult.fail(1, "ip: invalid argument '" + word + "' to 'ip'");
    }

    private static CommandResult noDevice(String dev, int status) {
        return CommandResult.fail(status, "ip: can't find device '" + dev + "'");
    }

    /** {@code ip addr [show|list] [dev] [DEV]}: the device's absence is exit 1 (ipaddr_list_or_flush, xll_name_to_index). */
    private CommandResult addr(List<String> args, IpLinks.Family family, boolean oneline) {
        if (!args.isEmpty() && args.get(0).equals("add")) {
            return new BusyboxIpChange(kernel, ns).addrAdd(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equals("flush")) {
            // ipaddr_list_or_flush: the RTM_DELADDR request's send fails (rtnl_send_check).
            return CommandResult.fail(1, "ip: can't send flush request: Operation not permitted");
        }
        if (!args.isEmpty() && isChange(args.get(0))) {
            return CommandResult.fail(2, EPERM);
        }
        if (!args.isEmpty() && !isShow(args.get(0))) {
            return invalid(args.get(0));
        }
        return show(args.isEmpty() ? args : args.subList(1, args.size()), family, oneline, 1);
    }

    /** {@code ip link [show] [dev] [DEV]} is {@code ip -0 addr}; {@code ip link set} needs CAP_NET_ADMIN (iplink.c, do_set's ioctls). */
    private CommandResult link(List<String> args, boolean oneline) {
        if (!args.isEmpty() && args.get(0).equals("set")) {
            return new BusyboxIpChange(kernel, ns).linkSet(args);
        }
        if (!args.isEmpty() && (args.get(0).equals("add") || args.get(0).startsWith("del"))) {
            return new BusyboxIpChange(kernel, ns).linkAddDel(args);
        }
        if (!args.isEmpty() && isChange(args.get(0))) {
            return CommandResult.fail(2, EPERM);
        }
        if (!args.isEmpty() && !isShow(args.get(0))) {
            return invalid(args.get(0));
        }
        return show(args.isEmpty() ? args : args.subList(1, args.size()), IpLinks.Family.LINK, oneline, 2);
    }

    private LinkInfo findLink(String name) {
        return kernel.links(ns).stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    private CommandResult show(List<String> args, IpLinks.Family family, boolean oneline, int missingStatus) {
        String dev = null;
        for (int j = 0; j < args.size(); j++) {
            String w = args.get(j);
            if (w.equals("up")) {
                continue;
            }
            if ((w.equals("dev") || w.equals("to") || w.equals("scope") || w.equals("label")) && j + 1 < args.size()) {
                if (!w.equals("dev")) {
                    j++;
                    continue;
                }
                w = args.get(++j);
            }
            dev = w;
        }
        IpLinks links = new IpLinks(kernel.links(ns), kernel.addresses(ns), family, oneline);
        LinkInfo one = null;
        if (dev != null) {
            one = links.find(dev);
            if (one == null) {
                return noDevice(dev, missingStatus);
            }
        }
        return CommandResult.ok(links.list(one));
    }

    /** {@code ip route [list|show] [default|PREFIX] [dev DEV]}, {@code ip route get ADDR}. */
    private CommandResult route(List<String> args, IpLinks.Family family) {
        IpRoutes routes = new IpRoutes(kernel.routes(ns), kernel.addresses(ns));
        if (!args.isEmpty() && args.get(0).equals("get")) {
            Integer dst = null;
            for (String w : args.subList(1, args.size())) {
                if (dst == null && !w.equals("to")) {
                    dst = Ipv4Address.tryParse(w);
                    if (dst == null) {
                        break;
                    }
                }
            }
            if (dst == null) {
                return CommandResult.fail(1, "ip: need at least destination address");
            }
            String line = routes.get(dst);
            return line == null ? CommandResult.fail(2, "ip: RTNETLINK answers: Network is unreachable") : CommandResult.ok(List.of(line));
        }
        if (!args.isEmpty() && List.of("add", "append", "change", "chg", "delete", "del", "replace", "prepend").contains(args.get(0))) {
            String verb = args.get(0).equals("chg") ? "change" : args.get(0);
            return new BusyboxIpChange(kernel, ns).route(verb, args.subList(1, args.size()));
        }
        if (!args.isEmpty() && isChange(args.get(0))) {
            return CommandResult.fail(2, EPERM);
        }
        List<String> filters = !args.isEmpty() && isShow(args.get(0)) ? args.subList(1, args.size()) : args;
        String dev = null;
        Cidr prefix = null;
        for (int j = 0; j < filters.size(); j++) {
            String w = filters.get(j);
            if ((w.equals("dev") || w.equals("oif")) && j + 1 < filters.size()) {
                dev = filters.get(++j);
                if (findLink(dev) == null) {
                    return noDevice(dev, 1);
                }
            } else if ((w.equals("table") || w.equals("proto") || w.equals("scope") || w.equals("via") || w.equals("src"))
                    && j + 1 < filters.size()) {
                j++;
            } else if (!w.equals("default") && !w.equals("all") && !w.equals("root") && !w.equals("match") && !w.equals("exact")) {
                try {
                    prefix = Cidr.parse(w.contains("/") ? w : w + "/32");
                } catch (IllegalArgumentException e) {
                    return CommandResult.fail(1, "ip: an inet prefix is expected rather than \"" + w + "\"");
                }
            }
        }
        return CommandResult.ok(family == IpLinks.Family.INET6 ? List.of() : routes.list(dev, prefix));
    }

    /**
     * {@code ip neigh [show] [dev DEV]} (ipneigh.c, print_neigh): the device is left out when it is
     * the filter; {@code ref} only while the entry is held, {@code probes} as the kernel counts them.
     */
    private CommandResult neigh(List<String> args, IpLinks.Family family) {
        List<String> filters = !args.isEmpty() && isShow(args.get(0)) ? args.subList(1, args.size()) : args;
        if (!args.isEmpty() && !isShow(args.get(0)) && !args.get(0).equals("dev") && isChange(args.get(0))) {
            return CommandResult.fail(2, EPERM);
        }
        String dev = null;
        for (int j = 0; j < filters.size(); j++) {
            if (filters.get(j).equals("dev") && j + 1 < filters.size()) {
                dev = filters.get(++j);
                if (findLink(dev) == null) {
                    return noDevice(dev, 1);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (family == IpLinks.Family.INET6) {
            return CommandResult.ok(out);
        }
        for (NeighInfo n : kernel.neighbours(ns)) {
            if (dev != null && !dev.equals(n.dev())) {
                continue;
            }
            StringBuilder sb = new StringBuilder(Ipv4Address.format(n.ip())).append(' ');
            if (dev == null) {
                sb.append("dev ").append(n.dev()).append(' ');
            }
            boolean resolved = !n.state().equals("INCOMPLETE") && !n.state().equals("FAILED");
            if (resolved) {
                sb.append("lladdr ").append(MacAddress.format(n.mac()));
            }
            if (List.of("REACHABLE", "DELAY", "PROBE").contains(n.state())) {
                sb.append(" ref 1");
            }
            sb.append(" used 0/0/0 probes ").append(resolved ? 4 : 3).append(' ').append(n.state());
            out.add(sb.toString());
        }
        return CommandResult.ok(out);
    }

    /** {@code ip rule [list]}: the kernel's default policy rules (iprule.c, print_rule); IPv6 has no {@code default} rule. */
    private CommandResult rule(List<String> args, IpLinks.Family family) {
        if (!args.isEmpty() && !isShow(args.get(0))) {
            return isChange(args.get(0)) ? CommandResult.fail(2, EPERM) : invalid(args.get(0));
        }
        List<String> out = new ArrayList<>(List.of("0:\tfrom all lookup local ", "32766:\tfrom all lookup main "));
        if (family != IpLinks.Family.INET6) {
            out.add("32767:\tfrom all lookup default ");
        }
        return CommandResult.ok(out);
    }
}
