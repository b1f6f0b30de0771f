package dev.dockwire.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A namespace's network counters as the kernel prints them, which {@code netstat -s}, {@code nstat}
 * and {@code ss -s} read: /proc/net/snmp and /proc/net/netstat, each a list of groups printed as a
 * line of names and a line of values (net/ipv4/proc.c snmp_seq_show, netstat_seq_show; an IcmpMsg
 * group only when a type was counted), /proc/net/snmp6 as name and value lines (net/ipv6/proc.c
 * snmp6_seq_show), and the sockets /proc/net/sockstat and sockstat6 count. The names are the
 * kernel's (include/uapi/linux/snmp.h as proc.c spells them), in its order. Plain data, the same
 * whichever kernel produced it.
 *
 * @param snmp     /proc/net/snmp's groups: Ip, Icmp, IcmpMsg, Tcp, Udp, UdpLite
 * @param netstat  /proc/net/netstat's groups: TcpExt, IpExt, MPTcpExt
 * @param snmp6    /proc/net/snmp6's counters, one group of every line
 * @param sockstat what sockstat and sockstat6 count
 */
public record NetCounters(List<Group> snmp, List<Group> netstat, List<Counter> snmp6, Sockstat sockstat) {
    /** One counter: its name within its group ({@code InReceives} of {@code Ip}) and value. */
    public record Counter(String name, long value) {
    }

    /** A group of counters under one prefix ({@code Ip:}, {@code TcpExt:}). */
    public record Group(String name, List<Counter> counters) {
        /** The counter {@code name}'s value, 0 when the group has none of that name. */
        public long get(String name) {
            for (Counter c : counters) {
                if (c.name().equals(name)) {
                    return c.value();
                }
            }
            return 0;
        }
    }

    /**
     * /proc/net/sockstat and sockstat6 (net/ipv4/proc.c sockstat_seq_show, net/ipv6/proc.c):
     * sockets in use in the namespace, TCP's hashed, orphaned, TIME_WAIT and allocated sockets,
     * UDP's, raw and fragment queues, each over IPv4 and IPv6.
     */
    public record Sockstat(int used, int tcpInuse, int tcpOrphan, int tcpTw, int tcpAlloc, int udpInuse, int rawInuse,
                           int fragInuse, int tcp6Inuse, int udp6Inuse, int raw6Inuse, int frag6Inuse) {
    }

    /** Tcp's CurrEstab and the like: the value of {@code group}'s {@code name} in /proc/net/snmp, 0 if absent. */
    public long snmp(String group, String name) {
        for (Group g : snmp) {
            if (g.name().equals(group)) {
                return g.get(name);
            }
        }
        return 0;
    }

    /** The text of /proc/net/snmp (or /proc/net/netstat for {@link #netstat}): each group's names, then values. */
    public static String text(List<Group> groups) {
        StringBuilder b = new StringBuilder();
        for (Group g : groups) {
            b.append(g.name()).append(':');
            g.counters().forEach(c -> b.append(' ').append(c.name()));
            b.append('\n').append(g.name()).append(':');
            g.counters().forEach(c -> b.append(' ').append(c.value()));
            b.append('\n');
        }
        return b.toString();
    }

    /** The text of /proc/net/snmp6: {@code %-32s\t%lu} per counter (snmp6_seq_show_item). */
    public static String text6(List<Counter> counters) {
        StringBuilder b = new StringBuilder();
        counters.forEach(c -> b.append(String.format(Locale.ROOT, "%-32s\t%d%n", c.name(), c.value())));
        return b.toString();
    }

    /** Groups as /proc/net/snmp or /proc/net/netstat print them: pairs of lines, names then values. */
    public static List<Group> parseGroups(String text) {
        Map<String, Group> out = new LinkedHashMap<>();
        List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String[] names = lines.get(i).split("\\s+");
            String[] values = lines.get(i + 1).split("\\s+");
            String group = names[0].substring(0, names[0].length() - 1);
            List<Counter> counters = new ArrayList<>();
            for (int k = 1; k < names.length && k < values.length; k++) {
                counters.add(new Counter(names[k], Long.parseLong(values[k])));
            }
            out.put(group, new Group(group, List.copyOf(counters)));
        }
        return List.copyOf(out.values());
    }

    /** /proc/net/snmp6's lines: a name and a value each. */
    public static List<Counter> parseCounters(String text) {
        List<Counter> out = new ArrayList<>();
        for (String l : text.lines().toList()) {
            String[] f = l.trim().split("\\s+");
            if (f.length == 2) {
                out.add(new Counter(f[0], Long.parseLong(f[1])));
            }
        }
        return List.copyOf(out);
    }

    /** sockstat's and sockstat6's lines ({@code TCP: inuse 0 orphan 0 tw 0 alloc 1 mem 0}, ...). */
    public static Sockstat parseSockstat(String sockstat, String sockstat6) {
        Map<String, long[]> lines = new LinkedHashMap<>();
        for (String l : (sockstat + "\n" + sockstat6).lines().toList()) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 3) {
                long[] v = new long[(f.length - 1) / 2];
                for (int k = 0; k < v.length; k++) {
                    v[k] = Long.parseLong(f[2 + 2 * k]);
                }
                lines.put(f[0], v);
            }
        }
        long[] tcp = lines.getOrDefault("TCP:", new long[5]);
        return new Sockstat(first(lines, "sockets:"), (int) tcp[0], (int) tcp[1], (int) tcp[2], (int) tcp[3],
                first(lines, "UDP:"), first(lines, "RAW:"), first(lines, "FRAG:"), first(lines, "TCP6:"), first(lines, "UDP6:"),
                first(lines, "RAW6:"), first(lines, "FRAG6:"));
    }

    private static int first(Map<String, long[]> lines, String key) {
        long[] v = lines.get(key);
        return v == null || v.length == 0 ? 0 : (int) v[0];
    }
}
