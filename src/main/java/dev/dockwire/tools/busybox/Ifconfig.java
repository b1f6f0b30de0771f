package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's {@code ifconfig [-a] [IFACE]} listing (networking/interface.c, ife_print): interfaces
 * by name (add_interface keeps its list sorted), only the up ones without {@code -a}, each with its
 * primary IPv4 address, flags, counters, and the byte counts scaled as print_bytes_scaled does
 * ({@code 1356 (1.3 KiB)}), followed by a blank line.
 */
public final class Ifconfig {
    private final Kernel kernel;
    private final String ns;

    public Ifconfig(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        boolean all = false;
        String name = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-a")) {
                all = true;
            } else if (name == null) {
                name = a;
            } else {
                return set(name, args.subList(i, args.size()));
            }
        }
        List<LinkInfo> links = new ArrayList<>(kernel.links(ns));
        links.sort(Comparator.comparing(LinkInfo::name));
        List<AddrInfo> addrs = kernel.addresses(ns);
        List<String> out = new ArrayList<>();
        for (LinkInfo l : links) {
            if (name != null ? !l.name().equals(name) : !all && !l.up()) {
                continue;
            }
            print(l, addrs.stream().filter(a -> a.ifindex() == l.ifindex()).findFirst().orElse(null), out);
        }
        if (name != null && out.isEmpty()) {
            return CommandResult.fail(1, "ifconfig: " + name + ": error fetching interface information: Device not found");
        }
        return CommandResult.ok(out);
    }

    /**
     * {@code ifconfig IFACE [ADDR] [netmask M] [mtu N] [hw ether MAC] [up|down]} (ifconfig.c): each
     * setting its ioctl through the seam, which refuses them without CAP_NET_ADMIN ({@code
     * ifconfig: SIOCSIFADDR: Operation not permitted}, exit 1). An address goes on {@code IFACE}'s
     * device ({@code eth0:1}'s is eth0) with the netmask's length or its class's, and brings it up.
     * The seam deletes no address, so a new one is added beside the old rather than replacing it;
     * a netmask alone is refused as without the capability.
     */
    private CommandResult set(String iface, List<String> args) {
        String dev = iface.contains(":") ? iface.substring(0, iface.indexOf(':')) : iface;
        Integer addr = null;
        Integer mask = null;
        Integer mtu = null;
        MacAddress mac = null;
        Boolean up = null;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            try {
                switch (w) {
                    case "netmask" -> mask = Ipv4Address.parse(args.get(++i)).bits();
                    case "mtu" -> mtu = Integer.parseInt(args.get(++i));
                    case "hw" -> {
                        i++;
                        mac = MacAddress.parse(args.get(++i));
                    }
                    case "up" -> up = true;
                    case "down" -> up = false;
                    case "broadcast", "metric", "txqueuelen" -> i++;
                    default -> addr = Ipv4Address.parse(w).bits();
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return CommandResult.fail(1, "ifconfig: bad address '" + w + "'");
            }
        }
        String ioctl = "SIOCSIFADDR";
        try {
            if (addr != null) {
                int length = mask != null ? Integer.bitCount(mask) : classful(addr);
                kernel.addrAdd(ns, dev, Cidr.parse(Ipv4Address.format(addr) + "/" + length));
                up = up == null ? Boolean.TRUE : up;
            } else if (mask != null) {
                return CommandResult.fail(1, "ifconfig: SIOCSIFNETMASK: Operation not permitted");
            }
            if (mtu != null) {
                ioctl = "SIOCSIFMTU";
                kernel.linkSetMtu(ns, dev, mtu);
            }
            if (mac != null) {
                ioctl = "SIOCSIFHWADDR";
                kernel.linkSetAddress(ns, dev, mac);
            }
            if (up != null) {
                ioctl = "SIOCSIFFLAGS";
                kernel.linkSetUp(ns, dev, up);
            }
            return CommandResult.ok(List.of());
        } catch (KernelException e) {
            return CommandResult.fail(1, "ifconfig: " + ioctl + ": " + e.getMessage().replaceFirst("^RTNETLINK answers: ", ""));
        }
    }

    /** The classful netmask's length the kernel gives an address set without one (devinet_ioctl, inet_abc_len). */
    private static int classful(int addr) {
        int first = addr >>> 24;
        return first < 128 ? 8 : first < 192 ? 16 : 24;
    }

    private static void print(LinkInfo l, AddrInfo a, List<String> out) {
        boolean loop = l.kind().equals("loopback");
        out.add(String.format(Locale.ROOT, "%-9s Link encap:%s  ", l.name(), loop ? "Local Loopback"
                : "Ethernet  HWaddr " + MacAddress.format(l.mac()).toUpperCase(Locale.ROOT)));
        if (a != null) {
            StringBuilder sb = new StringBuilder("          inet addr:").append(a.cidr().address());
            if (a.broadcast() != 0) {
                sb.append("  Bcast:").append(Ipv4Address.format(a.broadcast()));
            }
            out.add(sb.append("  Mask:").append(Ipv4Address.format(Cidr.mask(a.cidr().prefixLength()))).toString());
        }
        StringBuilder flags = new StringBuilder("          ");
        if (l.up()) {
            flags.append("UP ");
        }
        if (!loop) {
            flags.append("BROADCAST ");
        } else {
            flags.append("LOOPBACK ");
        }
        if (l.up() && l.carrier()) {
            flags.append("RUNNING ");
        }
        if (!loop) {
            flags.append("MULTICAST ");
        }
        out.add(flags.append(" MTU:").append(l.mtu()).append("  Metric:1").toString());
        out.add("          RX packets:" + l.rxPackets() + " errors:0 dropped:" + l.rxDropped() + " overruns:0 frame:0");
        out.add("          TX packets:" + l.txPackets() + " errors:0 dropped:" + l.txDropped() + " overruns:0 carrier:0");
        out.add("          collisions:0 txqueuelen:" + (loop ? 1000 : 0) + " ");
        out.add("          RX bytes:" + scaled(l.rxBytes()) + "  TX bytes:" + scaled(l.txBytes()));
        out.add("");
    }

    /** print_bytes_scaled: {@code N (I.F UNIT)}, the unit the last power of 1024 below N, one truncated decimal. */
    static String scaled(long bytes) {
        long whole = bytes;
        long frac = 0;
        String[] units = {"", "Ki", "Mi", "Gi", "Ti"};
        int u = 0;
        for (int i = 0; i < 4; i++) {
            if (whole >= 1024) {
                frac = ((whole & 1023) * 10) / 1024;
                whole /= 1024;
                u++;
            }
        }
        return bytes + " (" + whole + "." + frac + " " + units[u] + "B)";
    }
}
