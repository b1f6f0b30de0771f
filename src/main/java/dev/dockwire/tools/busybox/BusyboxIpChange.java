package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.PermissionDenied;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.IpChange;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;

/**
 * The changes BusyBox's {@code ip} makes through the seam, worded as its libiproute prints the
 * kernel's answer (exit 2, ip.c's xfunc_error_retval): {@code ip addr add} (ipaddress.c,
 * ipaddr_modify: {@code ip: RTNETLINK answers: File exists}), {@code ip route add|del|replace}
 * (iproute.c, iproute_modify; a gateway without {@code dev} goes out of the device whose
 * connected route holds it), {@code ip link add|del} (RTM_NEWLINK/DELLINK), and {@code ip link set}
 * (iplink.c, do_set) through ioctls: {@code SIOCSIFNAME}, {@code SIOCSIFMTU}, {@code
 * SIOCSIFHWADDR}, then {@code SIOCSIFFLAGS} only when a flag changes, so {@code set eth0 up} on an
 * up device succeeds without CAP_NET_ADMIN. Whether the caller may is the seam's to say.
 */
final class BusyboxIpChange {
    private final Kernel kernel;
    private final String ns;

    BusyboxIpChange(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    private static CommandResult rtnetlink(KernelException e) {
        return CommandResult.fail(2, "ip: " + e.getMessage());
    }

    private LinkInfo link(String name) {
        return kernel.links(ns).stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    private static CommandResult noDevice(String dev) {
        return CommandResult.fail(1, "ip: can't find device '" + dev + "'");
    }

    /** {@code ip addr add IFADDR dev IFACE}: an address without a length is a /32. */
    CommandResult addrAdd(List<String> args) {
        String addr = null;
        String dev = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) {
                dev = args.get(++i);
            } else if ((args.get(i).equals("broadcast") || args.get(i).equals("brd") || args.get(i).equals("label")
                    || args.get(i).equals("scope")) && i + 1 < args.size()) {
                i++;
            } else if (addr == null && !args.get(i).equals("local")) {
                addr = args.get(i);
            }
        }
        if (dev == null) {
            return CommandResult.fail(1, "ip: need \"dev IFACE\"");
        }
        if (link(dev) == null) {
            return noDevice(dev);
        }
        Cidr cidr;
        try {
            cidr = Cidr.parse(addr == null ? "" : addr.contains("/") ? addr : addr + "/32");
        } catch (IllegalArgumentException e) {
            return CommandResult.fail(1, "ip: an inet prefix is expected rather than \"" + addr + "\"");
        }
        try {
            kernel.addrAdd(ns, dev, cidr);
            return CommandResult.ok(List.of());
        } catch (KernelException e) {
            return rtnetlink(e);
        }
    }

    /** {@code ip link add ...} and {@code ip link del DEV}: one rtnetlink request each, as iproute2 words it. */
    CommandResult linkAddDel(List<String> args) {
        try {
            new IpChange(kernel, ns).apply("link", args);
            return CommandResult.ok(List.of());
        } catch (KernelException e) {
            return rtnetlink(e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return CommandResult.fail(1, "ip: " + (e.getMessage() == null ? "argument is missing" : e.getMessage()));
        }
    }

    /** {@code ip link set [dev] IFACE [address MAC] [name NAME] [mtu N] [up|down]}. */
    CommandResult linkSet(List<String> args) {
        String dev = null;
        Boolean up = null;
        Integer mtu = null;
        MacAddress mac = null;
        String name = null;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "up" -> up = true;
                case "down" -> up = false;
                case "mtu" -> mtu = Integer.parseInt(args.get(++i));
                case "address" -> mac = MacAddress.parse(args.get(++i));
                case "name" -> name = args.get(++i);
                case "dev" -> dev = args.get(++i);
                default -> dev = dev == null ? args.get(i) : dev;
            }
        }
        if (dev == null) {
            return CommandResult.fail(2, "ip: \"dev\" requires an argument");
        }
        LinkInfo l = link(dev);
        // do_set's order: SIOCSIFNAME, SIOCSIFMTU, SIOCSIFHWADDR (after SIOCGIFINDEX), SIOCGIFFLAGS then SIOCSIFFLAGS.
        String ioctl = name != null ? "SIOCSIFNAME" : mtu != null ? "SIOCSIFMTU" : mac != null ? "SIOCGIFINDEX" : "SIOCGIFFLAGS";
        if (l == null) {
            return CommandResult.fail(2, "ip: " + ioctl + ": No such device");
        }
        try {
            if (name != null) {
                kernel.linkSetName(ns, dev, name);
                dev = name;
            }
            if (mtu != null) {
                ioctl = "SIOCSIFMTU";
                kernel.linkSetMtu(ns, dev, mtu);
            }
            if (mac != null) {
                ioctl = "SIOCSIFHWADDR";
                kernel.linkSetAddress(ns, dev, mac);
            }
            if (up != null && up != l.up()) {
                ioctl = "SIOCSIFFLAGS";
                kernel.linkSetUp(ns, dev, up);
            }
            return CommandResult.ok(List.of());
        } catch (PermissionDenied e) {
            return CommandResult.fail(2, "ip: " + ioctl + ": Operation not permitted");
        } catch (KernelException e) {
            return CommandResult.fail(2, "ip: " + ioctl + ": " + e.getMessage().replaceFirst("^RTNETLINK answers: ", ""));
        }
    }

    /** {@code ip route add|del|replace|change|append|prepend PREFIX|default [via GW] [dev DEV]}. */
    CommandResult route(String verb, List<String> args) {
        Cidr dst = null;
        int gw = 0;
        String dev = null;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            if ((w.equals("via") || w.equals("dev") || w.equals("src") || w.equals("metric") || w.equals("proto")
                    || w.equals("scope") || w.equals("table")) && i + 1 < args.size()) {
                String v = args.get(++i);
                if (w.equals("via")) {
                    Integer g = Ipv4Address.tryParse(v);
                    if (g == null) {
                        return CommandResult.fail(1, "ip: an inet address is expected rather than \"" + v + "\"");
                    }
                    gw = g;
                } else if (w.equals("dev")) {
                    dev = v;
                }
            } else if (dst == null && !w.equals("to")) {
                try {
                    dst = w.equals("default") ? Cidr.parse("0.0.0.0/0") : Cidr.parse(w.contains("/") ? w : w + "/32");
                } catch (IllegalArgumentException e) {
                    return CommandResult.fail(1, "ip: an inet prefix is expected rather than \"" + w + "\"");
                }
            }
        }
        if (dst == null) {
            dst = Cidr.parse("0.0.0.0/0"); // iproute_modify sends no RTA_DST: the default route
        }
        if (dev != null && link(dev) == null) {
            return noDevice(dev);
        }
        try {
            boolean delete = verb.startsWith("del");
            if (delete || verb.equals("replace") || verb.equals("change")) {
                try {
                    kernel.routeDel(ns, dst);
                } catch (PermissionDenied e) {
                    throw e;
                } catch (KernelException e) {
                    if (delete || verb.equals("change")) {
                        throw e;
                    }
                }
            }
            if (!delete) {
                kernel.routeAdd(ns, dst, gw, dev != null ? dev : connectedDevice(kernel, ns, gw));
            }
            return CommandResult.ok(List.of());
        } catch (KernelException e) {
            return rtnetlink(e);
        }
    }

    /** The device of the connected route holding {@code gw} (fib_check_nh): none is the kernel's ENETUNREACH. */
    static String connectedDevice(Kernel kernel, String ns, int gw) {
        for (RouteInfo r : kernel.routes(ns)) {
            if (r.gateway() == 0 && r.dst().prefixLength() > 0 && r.dst().contains(gw)) {
                return r.dev();
            }
        }
        if (!kernel.links(ns).isEmpty() && gw == 0) {
            throw new KernelException("RTNETLINK answers: No such device", 2);
        }
        throw new KernelException("RTNETLINK answers: Network is unreachable", 2);
    }
}
