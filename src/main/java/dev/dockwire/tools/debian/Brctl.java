package dev.dockwire.tools.debian;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * bridge-utils' {@code brctl show [BRIDGE...]} (1.7, brctl_cmd.c br_cmd_show): a tab-separated
 * table of each bridge, its id (priority 8000 and its MAC), whether STP is on (Docker's bridges
 * never turn it on, and the emulated bridge has no STP) and its ports, the first on the bridge's
 * own line and the rest each on a line of seven tabs. Bridges and ports come sorted by name, as
 * libbridge's scandir with alphasort lists /sys/class/net and brif.
 */
public final class Brctl {
    private static final String HEADER = "bridge name\tbridge id\t\tSTP enabled\tinterfaces";

    private final Kernel kernel;
    private final String ns;

    public Brctl(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("show")) {
            List<String> out = new ArrayList<>();
            if (!args.isEmpty()) {
                out.add("never heard of command [" + args.get(0) + "]");
            }
            out.addAll(usage());
            return new CommandResult(1, out);
        }
        List<LinkInfo> links = kernel.links(ns);
        List<LinkInfo> bridges = new ArrayList<>(links.stream().filter(l -> l.kind().equals("bridge")).toList());
        bridges.sort(Comparator.comparing(LinkInfo::name));
        List<String> wanted = args.subList(1, args.size());
        List<String> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            out.add(HEADER);
            bridges.forEach(b -> show(b, links, out));
            return CommandResult.ok(out);
        }
        // Named bridges in the order given; the header comes with the first that exists.
        int status = 0;
        for (String w : wanted) {
            LinkInfo b = bridges.stream().filter(l -> l.name().equals(w)).findFirst().orElse(null);
            if (b == null) {
                out.add("bridge " + w + " does not exist!");
                status = 1;
                continue;
            }
            if (!out.contains(HEADER)) {
                out.add(HEADER);
            }
            show(b, links, out);
        }
        return new CommandResult(status, out);
    }

    private static void show(LinkInfo b, List<LinkInfo> links, List<String> out) {
        List<String> ports = links.stream().filter(l -> b.name().equals(l.master())).map(LinkInfo::name).sorted().toList();
        StringBuilder line = new StringBuilder(b.name()).append('\t');
        if (b.name().length() < 8) {
            line.append('\t');
        }
        line.append(String.format(Locale.ROOT, "8000.%012x", b.mac())).append("\tno\t\t");
        line.append(ports.isEmpty() ? "" : ports.get(0));
        out.add(line.toString());
        for (String p : ports.subList(Math.min(1, ports.size()), ports.size())) {
            out.add("\t\t\t\t\t\t\t" + p);
        }
    }

    private static List<String> usage() {
        return List.of("Usage: brctl [commands]", "commands:",
                "\taddbr     \t<bridge>\t\tadd bridge",
                "\tdelbr     \t<bridge>\t\tdelete bridge",
                "\taddif     \t<bridge> <device>\tadd interface to bridge",
                "\tdelif     \t<bridge> <device>\tdelete interface from bridge",
                "\thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off",
                "\tsetageing \t<bridge> <time>\t\tset ageing time",
                "\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority",
                "\tsetfd     \t<bridge> <time>\t\tset bridge forward delay",
                "\tsethello  \t<bridge> <time>\t\tset hello time",
                "\tsetmaxage \t<bridge> <time>\t\tset max message age",
                "\tsetpathcost\t<bridge> <port> <cost>\tset path cost",
                "\tsetportprio\t<bridge> <port> <prio>\tset port priority",
                "\tshow      \t[ <bridge> ]\t\tshow a list of bridges",
                "\tshowmacs  \t<bridge>\t\tshow a list of mac addrs",
                "\tshowstp   \t<bridge>\t\tshow bridge stp info",
                "\tstp       \t<bridge> {on|off}\tturn stp on/off");
    }
}
