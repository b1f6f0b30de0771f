package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.SocketInfo;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's {@code netstat} with alpine's options {@code -laentuwxrWp} (networking/netstat.c):
 * {@code -r} is the routing table (route.c's, in netstat's columns unless {@code -e}); otherwise
 * the TCP (IPv4 and AF_INET6) and UDP sockets from the kernel's tables, listening ones ({@code -l}), connected
 * ones (the default) or both ({@code -a}), then the (empty) UNIX-socket section when no protocol
 * is asked for or {@code -x} is. Names are not resolved either way: nothing answers a container's
 * reverse lookups, and the services of /etc/services are not modelled. With {@code -p} the
 * program column shows {@code -}, as BusyBox does for a socket whose owner it cannot see.
 */
public final class Netstat {
    private static final String OPTIONS = "laentuwxrWp";

    private final Kernel kernel;
    private final String ns;

    public Netstat(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        StringBuilder opts = new StringBuilder();
        for (String a : args) {
            if (!a.startsWith("-") || a.length() < 2) {
                return Usage.fail("netstat");
            }
            for (char ch : a.substring(1).toCharArray()) {
                if (OPTIONS.indexOf(ch) < 0) {
                    return Usage.invalidOption("netstat", ch);
                }
                opts.append(ch);
            }
        }
        String o = opts.toString();
        if (o.contains("r")) {
            return CommandResult.ok(new RouteTable(kernel, ns).lines(o.contains("n"), !o.contains("e")));
        }
        boolean listening = o.contains("l") || o.contains("a");
        boolean connected = !o.contains("l") || o.contains("a");
        boolean any = o.matches(".*[tuwx].*");
        boolean tcp = !any || o.contains("t");
        boolean udp = !any || o.contains("u");
        boolean raw = !any || o.contains("w");
        boolean unix = !any || o.contains("x");
        int width = o.contains("W") ? 51 : 23;
        String prog = o.contains("p") ? "PID/Program name    " : "";
        String which = listening && connected ? "(servers and established)" : listening ? "(only servers)" : "(w/o servers)";
        List<String> out = new ArrayList<>();
        if (tcp || udp || raw) {
            out.add("Active Internet connections " + which);
            out.add(String.format(Locale.ROOT, "Proto Recv-Q Send-Q %-" + width + "s %-" + width + "s State       %s",
                    "Local Address", "Foreign Address", prog));
            // do_info of /proc/net/tcp, tcp6, then udp: the kernel's listing is in that order.
            for (SocketInfo s : kernel.inetSockets(ns)) {
                boolean isTcp = s.proto().startsWith("tcp");
                if (!(isTcp ? tcp : udp)) {
                    continue;
                }
                // tcp_do_one: connected means a remote port; udp_do_one: a remote address.
                boolean isConnected = isTcp ? s.remotePort() != 0 : s.remoteAddr() != 0;
                if (isConnected ? !connected : !listening) {
                    continue;
                }
                String state = isTcp ? s.state() : s.state().equals("ESTABLISHED") ? "ESTABLISHED" : "";
                boolean inet6 = s.proto().endsWith("6");
                // print_inet_line names both families "tcp"/"udp"; only the address says AF_INET6.
                out.add(String.format(Locale.ROOT, "%s   %6d %6d %-" + width + "s %-" + width + "s %-12s%s", isTcp ? "tcp" : "udp",
                        0, 0, address(inet6, s.localAddr(), s.localPort()), address(inet6, s.remoteAddr(), s.remotePort()), state,
                        prog.isEmpty() ? "" : "-"));
            }
        }
        if (unix) {
            out.add("Active UNIX domain sockets " + which);
            out.add("Proto RefCnt Flags       Type       State         I-Node " + prog + "Path");
        }
        return CommandResult.ok(out);
    }

    /**
     * ip_port_str: the address as inet_ntop writes it ({@code ::} and {@code ::ffff:a.b.c.d} for
     * AF_INET6), {@code :}, the port or {@code *} for none.
     */
    private static String address(boolean inet6, int addr, int port) {
        String a = !inet6 ? Ipv4Address.format(addr) : addr == 0 ? "::" : "::ffff:" + Ipv4Address.format(addr);
        return a + ":" + (port == 0 ? "*" : Integer.toString(port));
    }
}
