package dev.dockwire.tools.debian;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.SocketInfo;
import dev.dockwire.libc.Services;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.busybox.RouteTable;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * net-tools' {@code netstat} (2.10, Debian's; not BusyBox's) over one namespace: the IPv4 sockets
 * ({@code -t -u -l -a -n -p}, combined as {@code -tlnp}), TCP before UDP as /proc/net/tcp and
 * /proc/net/udp are read, each in {@code %-23s} address columns; {@code -p}'s {@code PID/Program
 * name} from the host's processes; {@code -r} (the routing table, as route.c's fib printer, which
 * BusyBox's netstat -r shares) and {@code -i} (the interfaces that are up, sorted by name, with
 * their counters and flags). Without {@code -n} a port prints by its /etc/services name and
 * 127.0.0.1 as {@code localhost} (the host's /etc/hosts); other addresses stay numbers, as no
 * reverse lookup answers on the emulated host. {@code -s} prints the namespace's counters
 * ({@link NetstatStatistics}).
 */
public final class Netstat {
    private final Kernel kernel;
    private final String ns;
    private final List<ProcessEntry> processes;

    public Netstat(Kernel kernel, String ns, List<ProcessEntry> processes) {
        this.kernel = kernel;
        this.ns = ns;
        this.processes = processes;
    }

    public CommandResult run(List<String> args) {
        StringBuilder o = new StringBuilder();
        for (String a : args) {
            String flags = switch (a) {
                case "--tcp" -> "t";
                case "--udp" -> "u";
                case "--listening" -> "l";
                case "--all" -> "a";
                case "--numeric" -> "n";
                case "--program" -> "p";
                case "--route" -> "r";
                case "--interfaces" -> "i";
                case "--statistics" -> "s";
                default -> a.startsWith("-") && !a.startsWith("--") ? a.substring(1) : null;
            };
            if (flags == null || !flags.chars().allMatch(ch -> "tulanpriewx4s".indexOf(ch) >= 0)) {
                return CommandResult.fail(1, "netstat: invalid option -- '" + (flags == null ? a : flags.replaceAll("[tulanpriewx4s]", "")
                        .substring(0, 1)) + "'");
            }
            o.append(flags);
        }
        String opts = o.toString();
        boolean numeric = opts.contains("n");
        if (opts.contains("s")) {
            boolean some = opts.matches(".*[tuw].*");
            return CommandResult.ok(new NetstatStatistics(!some || opts.contains("w"), !some || opts.contains("t"),
                    !some || opts.contains("u")).print(kernel.netCounters(ns)));
        }
        if (opts.contains("r")) {
            return CommandResult.ok(routes(numeric));
        }
        if (opts.contains("i")) {
            return CommandResult.ok(interfaces(opts.contains("a")));
        }
        return CommandResult.ok(sockets(opts, numeric));
    }

    private List<String> sockets(String opts, boolean numeric) {
        boolean listening = opts.contains("l");
        boolean all = opts.contains("a");
        boolean any = opts.matches(".*[tuwx].*");
        boolean prog = opts.contains("p");
        String which = all ? "(servers and established)" : listening ? "(only servers)" : "(w/o servers)";
        List<String> out = new ArrayList<>();
        out.add("Active Internet connections " + which);
        out.add("Proto Recv-Q Send-Q Local Address           Foreign Address         State      " + (prog ? " PID/Program name    " : ""));
        List<SocketInfo> sockets = kernel.inetSockets(ns);
        for (String proto : List.of("tcp", "udp")) {
            if (any && !opts.contains(proto.substring(0, 1))) {
                continue;
            }
            for (SocketInfo s : sockets) {
                boolean server = s.state().equals("LISTEN") || s.proto().equals("udp") && s.state().equals("CLOSE");
                if (!s.proto().equals(proto) || !all && listening != server) {
                    continue;
                }
                String state = proto.equals("tcp") ? s.state() : s.state().equals("ESTABLISHED") ? "ESTABLISHED" : "";
                String line = String.format(Locale.ROOT, "%-4s  %6d %6d %-23s %-23s %-11s", proto, s.recvQ(),
                        s.state().equals("LISTEN") ? 0 : s.sendQ(), address(s.localAddr(), s.localPort(), proto, numeric),
                        address(s.remoteAddr(), s.remotePort(), proto, numeric), state);
                out.add(prog ? line + String.format(Locale.ROOT, " %-20s", program(s)) : line);
            }
        }
        if (!any) {
            out.add("Active UNIX domain sockets " + which);
            out.add("Proto RefCnt Flags       Type       State         I-Node   " + (prog ? "PID/Program name     " : "") + "Path");
        }
        return out;
    }

    /** INET_sprint with the port: {@code *} for none; names unless numeric. */
    private static String address(int addr, int port, String proto, boolean numeric) {
        String host = !numeric && addr == Ipv4Address.parse("127.0.0.1").bits() ? "localhost" : Ipv4Address.format(addr);
        String service = port == 0 ? "*" : numeric || Services.name(port, proto) == null ? Integer.toString(port)
                : Services.name(port, proto);
        return host + ":" + service;
    }

    /** prg_cache_get: {@code PID/argv0's name}, truncated to the column; {@code -} for a socket no process is known to hold. */
    private String program(SocketInfo s) {
        for (ProcessEntry p : processes) {
            for (ProcessEntry.Socket k : p.sockets()) {
                if (p.netns().equals(ns) && k.proto().equals(s.proto()) && k.port() == s.localPort() && k.addr() == s.localAddr()) {
                    String name = p.pid() + "/" + p.comm();
                    return name.length() > 19 ? name.substring(0, 19) : name;
                }
            }
        }
        return "-";
    }

    /** lib/inet_gr.c rprint_fib: route's table in netstat's columns; {@code default} for 0.0.0.0/0 unless numeric. */
    private List<String> routes(boolean numeric) {
        List<String> out = new ArrayList<>(new RouteTable(kernel, ns).lines(true, true));
        if (!numeric) {
            out.replaceAll(l -> l.startsWith("0.0.0.0         ") && l.substring(32, 48).startsWith("0.0.0.0 ")
                    ? "default        " + l.substring(15) : l);
        }
        return out;
    }

    /** ife_print_short for each interface that is up (or every one with {@code -a}), by name. */
    private List<String> interfaces(boolean all) {
        List<String> out = new ArrayList<>();
        out.add("Kernel Interface table");
        out.add("Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg");
        List<LinkInfo> links = new ArrayList<>(kernel.links(ns));
        links.sort(Comparator.comparing(LinkInfo::name));
        for (LinkInfo l : links) {
            if (!l.up() && !all) {
                continue;
            }
            boolean loopback = l.kind().equals("loopback");
            String flags = (loopback ? "L" : "BM") + (l.up() && l.carrier() ? "R" : "") + (l.up() ? "U" : "");
            out.add(String.format(Locale.ROOT, "%-15.15s %5d %8d %6d %6d %-6d %8d %6d %6d %6d %s", l.name(), l.mtu(), l.rxPackets(), 0,
                    l.rxDropped(), 0, l.txPackets(), 0, l.txDropped(), 0, flags));
        }
        return out;
    }
}
