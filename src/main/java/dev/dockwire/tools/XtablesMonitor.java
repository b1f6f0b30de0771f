package dev.dockwire.tools;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.List;
import java.util.Map;

/**
 * iptables 1.8.9's {@code xtables-monitor} (iptables/xtables-monitor.c): with {@code --trace} the
 * nf_tables trace of the packets a TRACE rule marked in the namespace, line by line as the
 * kernel reports it, until Ctrl-C or a signal (a {@link LineJob}: it prints nothing as it ends).
 * Its usage, version and bad-argument texts are the program's; {@code -6} watches IPv6 only, which
 * this host does not route, so it prints nothing.
 */
public final class XtablesMonitor {
    private static final Map<String, String> LONG = Map.of("counters", "c", "trace", "t", "event", "e", "ipv4", "4",
            "ipv6", "6", "version", "V", "help", "h");
    private static final List<String> USAGE = List.of("xtables-monitor 1.8.9 (nf_tables)",
            "Usage: xtables-monitor [ -t | -e ]",
            "        --trace    -t    trace ruleset traversal of packets tagged via -j TRACE rule",
            "        --event    -e    show events that modify the ruleset",
            "Optional arguments:",
            "        --ipv4     -4    only monitor IPv4",
            "        --ipv6     -6    only monitor IPv6",
            "\t--counters -c    show counters in rules");

    private XtablesMonitor() {
    }

    /** Starts {@code xtables-monitor ARGS} in {@code ns}; null with what it printed and its status in {@code refused[0]}. */
    public static LineJob start(Kernel kernel, String ns, List<String> args, CommandResult[] refused) {
        boolean[] o = new boolean[5]; // trace, event, ipv6, help, version
        GetoptLong.Result r = new GetoptLong(Getopt.GLIBC, "ceht46V", LONG).parse(args, (key, value) -> {
            switch (key) {
                case "t" -> o[0] = true;
                case "e" -> o[1] = true;
                case "6" -> o[2] = true;
                case "4" -> o[2] = false;
                case "h" -> o[3] = true;
                case "V" -> o[4] = true;
                default -> {
                    // -c: counters in the rules an event shows.
                }
            }
            return !o[3] && !o[4];
        });
        if (o[3]) {
            refused[0] = new CommandResult(1, USAGE); // print_usage exits with EXIT_FAILURE, even for -h
        } else if (o[4]) {
            refused[0] = CommandResult.ok(List.of("xtables-monitor 1.8.9"));
        } else if (r.error() != null) {
            refused[0] = new CommandResult(2, List.of("xtables-monitor 1.8.9: Bad argument.",
                    "Try `xtables-monitor -h' for more information."));
        } else if (!o[0] && !o[1]) {
            refused[0] = new CommandResult(1, USAGE);
        }
        if (refused[0] != null) {
            return null;
        }
        LineJob job = new LineJob("xtables-monitor " + String.join(" ", args));
        boolean ipv6 = o[2];
        try {
            return job.until(kernel.nftTrace(ns, line -> {
                if (!ipv6) {
                    job.line(line);
                }
            }));
        } catch (KernelException e) {
            refused[0] = CommandResult.fail(1, "xtables-monitor 1.8.9 (nf_tables): " + e.getMessage());
            return null;
        }
    }
}
