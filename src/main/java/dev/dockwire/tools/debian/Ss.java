package dev.dockwire.tools.debian;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.NetCounters;
import dev.dockwire.kernel.SocketInfo;
import dev.dockwire.libc.Services;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * iproute2's {@code ss} (6.1) over a namespace's IPv4 TCP and UDP sockets: {@code -t -u -l -a
 * -n -p -H -4} in any combination, and {@code -s} (the counters of sockstat and snmp). Without
 * {@code -l} or {@code -a} it lists connected sockets only (SS_CONN: not LISTEN, UNCONN, TIME-WAIT
 * or SYN-RECV); UDP before TCP,
 * as main() calls udp_show before tcp_show. Ports print by /etc/services name unless {@code -n}
 * (never an ephemeral one, 32768-60999); addresses stay numeric, as ss does without {@code -r}.
 * {@code -p}'s {@code users:(("NAME",pid=N,fd=M))} names the process holding the socket.
 */
public final class Ss {
    private final Kernel kernel;
    private final String ns;
    private final List<ProcessEntry> processes;

    /** {@code processes}: the host's, whose sockets ss -p reports for namespace {@code ns}. */
    public Ss(Kernel kernel, String ns, List<ProcessEntry> processes) {
        this.kernel = kernel;
        this.ns = ns;
        this.processes = processes;
    }

    public CommandResult run(List<String> args) {
        boolean tcp = false;
        boolean udp = false;
        boolean listening = false;
        boolean all = false;
        boolean numeric = false;
        boolean users = false;
        boolean header = true;
        boolean summary = false;
        for (String a : args) {
            String flags = switch (a) {
                case "--tcp" -> "t";
                case "--udp" -> "u";
                case "--listening" -> "l";
                case "--all" -> "a";
                case "--numeric" -> "n";
                case "--processes" -> "p";
                case "--no-header" -> "H";
                case "--summary" -> "s";
                case "--ipv4" -> "4";
                default -> a.startsWith("-") && !a.startsWith("--") ? a.substring(1) : null;
            };
            if (flags == null) {
                return CommandResult.fail(255, a.startsWith("--") ? "ss: unrecognized option '" + a + "'" : "ss: bad filter: " + a);
            }
            for (char ch : flags.toCharArray()) {
                switch (ch) {
                    case 't' -> tcp = true;
                    case 'u' -> udp = true;
                    case 'l' -> listening = true;
                    case 'a' -> all = true;
                    case 'n' -> numeric = true;
                    case 'p' -> users = true;
                    case 'H' -> header = false;
                    case 's' -> summary = true;
                    case '4', 'r', 'e', 'o', 'm', 'i' -> { }
                    default -> {
                        return CommandResult.fail(255, "ss: invalid option -- '" + ch + "'");
                    }
                }
            }
        }
        if (summary) {
            return CommandResult.ok(summary(kernel.netCounters(ns)));
        }
        List<SocketInfo> sockets = kernel.inetSockets(ns);
        boolean every = !tcp && !udp;
        List<String[]> rows = new ArrayList<>();
        for (String proto : List.of("udp", "tcp")) {
            if (!every && !(proto.equals("tcp") ? tcp : udp)) {
                continue;
            }
            for (SocketInfo s : sockets) {
                if (s.proto().equals(proto) && shown(state(s), listening, all)) {
                    rows.add(row(s, numeric, users));
                }
            }
        }
        return CommandResult.ok(new SsColumns(every || tcp && udp, true).render(header, rows));
    }

    /** SS_CONN without -l or -a; LISTEN and UNCONN with -l; everything with -a. */
    private static boolean shown(String state, boolean listening, boolean all) {
        boolean server = state.equals("LISTEN") || state.equals("UNCONN");
        if (all) {
            return true;
        }
        if (listening) {
            return server;
        }
        return !server && !state.equals("TIME-WAIT") && !state.equals("SYN-RECV");
    }

    /** sstate_name: the kernel's TCP_* state as ss spells it; a UDP socket is ESTAB when connected, else UNCONN. */
    private static String state(SocketInfo s) {
        return switch (s.state()) {
            case "ESTABLISHED" -> "ESTAB";
            case "CLOSE" -> "UNCONN";
            case "FIN_WAIT1" -> "FIN-WAIT-1";
            case "FIN_WAIT2" -> "FIN-WAIT-2";
            default -> s.state().replace('_', '-');
        };
    }

    private String[] row(SocketInfo s, boolean numeric, boolean users) {
        String[] f = new String[SsColumns.COLUMNS];
        f[0] = s.proto();
        f[1] = state(s);
        f[2] = String.format(Locale.ROOT, "%-6d", s.recvQ());
        f[3] = String.format(Locale.ROOT, "%-6d", s.sendQ());
        f[4] = Ipv4Address.format(s.localAddr()) + ":";
        f[5] = port(s.localPort(), s.proto(), numeric);
        f[6] = Ipv4Address.format(s.remoteAddr()) + ":";
        f[7] = port(s.remotePort(), s.proto(), numeric);
        f[8] = users ? users(s) : "";
        f[9] = "";
        return f;
    }

    /** resolve_service: {@code *} for none, the service's name unless numeric or ephemeral, else the number. */
    private static String port(int port, String proto, boolean numeric) {
        if (port == 0) {
            return "*";
        }
        String name = numeric || port >= 32768 && port <= 60999 ? null : Services.name(port, proto);
        return name != null ? name : Integer.toString(port);
    }

    /** find_entry USERS: each process holding the socket, as {@code ("comm",pid=N,fd=M)}. */
    private String users(SocketInfo s) {
        List<String> holders = new ArrayList<>();
        for (ProcessEntry p : processes) {
            for (ProcessEntry.Socket k : p.sockets()) {
                if (p.netns().equals(ns) && k.proto().equals(s.proto()) && k.port() == s.localPort() && k.addr() == s.localAddr()
                        && (s.proto().equals("udp") || s.state().equals("LISTEN"))) {
                    holders.add("(\"" + p.comm() + "\",pid=" + p.pid() + ",fd=" + k.fd() + ")");
                }
            }
        }
        return holders.isEmpty() ? "" : " users:(" + String.join(",", holders) + ")";
    }

    /**
     * print_summary: /proc/net/sockstat's and sockstat6's counts (TCP's total is its allocated
     * sockets and those in TIME_WAIT; closed, the allocated ones not hashed) and Tcp's CurrEstab
     * from /proc/net/snmp as the estab count.
     */
    private static List<String> summary(NetCounters counters) {
        NetCounters.Sockstat s = counters.sockstat();
        List<String> out = new ArrayList<>();
        out.add("Total: " + s.used());
        out.add(String.format(Locale.ROOT, "TCP:   %d (estab %d, closed %d, orphaned %d, timewait %d)", s.tcpAlloc() + s.tcpTw(),
                (int) counters.snmp("Tcp", "CurrEstab"), s.tcpAlloc() - (s.tcpInuse() + s.tcp6Inuse() - s.tcpTw()), s.tcpOrphan(),
                s.tcpTw()));
        out.add("");
        out.add("Transport Total     IP        IPv6");
        out.add(row("RAW", s.rawInuse(), s.raw6Inuse()));
        out.add(row("UDP", s.udpInuse(), s.udp6Inuse()));
        out.add(row("TCP", s.tcpInuse(), s.tcp6Inuse()));
        out.add(row("INET", s.rawInuse() + s.udpInuse() + s.tcpInuse(), s.raw6Inuse() + s.udp6Inuse() + s.tcp6Inuse()));
        out.add(row("FRAG", s.fragInuse(), s.frag6Inuse()));
        out.add("");
        return out;
    }

    private static String row(String name, int v4, int v6) {
        return String.format(Locale.ROOT, "%s\t  %-9d %-9d %-9d", name, v4 + v6, v4, v6);
    }
}
