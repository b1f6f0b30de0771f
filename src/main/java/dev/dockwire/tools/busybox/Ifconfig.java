package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
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
        for (String a : args) {
            if (a.equals("-a")) {
                all = true;
            } else if (name == null) {
                name = a;
            } else {
                // Setting an address or a flag: SIOCSIFADDR/SIOCSIFFLAGS need CAP_NET_ADMIN.
                return CommandResult.fail(1, "ifconfig: SIOCSIFFLAGS: Operation not permitted");
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
