package dev.dockwire.tools;

import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * conntrack-tools' {@code conntrack -L [-p PROTO]}, {@code -C} and {@code -F} for one namespace,
 * from the kernel's dump, printed as conntrack 1.4.7 prints them (the summary line is stderr).
 */
public final class ConntrackCommand {
    private static final String VERSION = "conntrack v1.4.7 (conntrack-tools)";
    private final Kernel kernel;
    private final String ns;

    public ConntrackCommand(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.fail(2, VERSION + ": no command specified\nTry `conntrack -h' or 'conntrack --help' for more information.");
        }
        String cmd = args.get(0);
        String proto = null;
        for (int i = 1; i < args.size(); i++) {
            if ((args.get(i).equals("-p") || args.get(i).equals("--proto")) && i + 1 < args.size()) {
                proto = args.get(++i);
            } else {
                return CommandResult.fail(2, VERSION + ": unknown option `" + args.get(i) + "'");
            }
        }
        try {
            return switch (cmd) {
                case "-L", "--dump" -> list(proto);
                case "-C", "--count" -> CommandResult.ok(List.of(Integer.toString(kernel.conntrack(ns).size())));
                case "-F", "--flush" -> {
                    kernel.conntrackFlush(ns);
                    yield CommandResult.ok(List.of(VERSION + ": connection tracking table has been emptied."));
                }
                default -> CommandResult.fail(2, VERSION + ": Bad parameter `" + cmd + "'");
            };
        } catch (KernelException e) {
            return CommandResult.fail(1, e.getMessage());
        }
    }

    private CommandResult list(String proto) {
        List<String> out = new ArrayList<>();
        for (ConntrackInfo c : kernel.conntrack(ns)) {
            String name = protoName(c.protocol());
            if (proto == null || proto.equals(name) || proto.equals(Integer.toString(c.protocol()))) {
                out.add(format(c));
            }
        }
        out.add(VERSION + ": " + out.size() + " flow entries have been shown.");
        return CommandResult.ok(out);
    }

    private static String protoName(int p) {
        return switch (p) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 132 -> "sctp";
            case 33 -> "dccp";
            case 136 -> "udplite";
            case 47 -> "gre";
            default -> "unknown";
        };
    }

    /** One line of {@code conntrack -L} (the default output of libnetfilter_conntrack). */
    public static String format(ConntrackInfo c) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %d %d ", protoName(c.protocol()),
                c.protocol(), c.timeout()));
        if (c.tcpState() != null) {
            sb.append(c.tcpState()).append(' ');
        }
        tuple(sb, c.original());
        if (!c.seenReply()) {
            sb.append("[UNREPLIED] ");
        }
        tuple(sb, c.reply());
        if (c.assured()) {
            sb.append("[ASSURED] ");
        }
        return sb.append("mark=").append(c.mark()).append(" use=").append(c.use()).toString();
    }

    private static void tuple(StringBuilder sb, ConntrackInfo.Tuple t) {
        sb.append("src=").append(Ipv4Address.format(t.src())).append(" dst=").append(Ipv4Address.format(t.dst())).append(' ');
        if (t.icmpType() >= 0) {
            sb.append("type=").append(t.icmpType()).append(" code=").append(t.icmpCode()).append(" id=").append(t.icmpId())
                    .append(' ');
        } else if (t.srcPort() >= 0) {
            sb.append("sport=").append(t.srcPort()).append(" dport=").append(t.dstPort()).append(' ');
        }
    }
}
