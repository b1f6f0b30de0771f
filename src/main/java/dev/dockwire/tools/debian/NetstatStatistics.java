package dev.dockwire.tools.debian;

import dev.dockwire.kernel.NetCounters;
import java.util.ArrayList;
import java.util.List;

/**
 * net-tools' {@code netstat -s} (2.10, statistics.c parsesnmp): /proc/net/snmp's groups, then
 * /proc/net/netstat's, each under its title. A counter its group's table knows prints in the
 * table's words ({@code 4 total packets received}), the ICMP types under their histogram titles when
 * not zero, the optional ones only when not zero; one the table does not know as {@code Name: N}
 * when not zero, indented as the line before it. Tables are searched as the C library's bsearch
 * searches them, and some of net-tools' are out of strcmp order: {@code Forwarding} sorts after
 * {@code ForwDatagrams}, so it is never found and prints as {@code Forwarding: 2}, as Debian's
 * netstat prints it. {@code -t}, {@code -u}, {@code -w} choose Tcp/TcpExt, Udp and Ip/Icmp; groups
 * of no table (IcmpMsg, UdpLite, IpExt, MPTcpExt) print whatever is asked.
 */
final class NetstatStatistics {
    /** enum State: the kind of a table entry, each with its indent. */
    private static final int NUMBER = 0;
    private static final int OPT_NUMBER = 1;
    private static final int STATIC = 2;
    private static final int IN_ICMP = 3;
    private static final int OUT_ICMP = 4;
    private static final int[] INDENT = {4, 4, 4, 8, 8};
    private static final String[] TITLE = {null, null, null, "ICMP input histogram:", "ICMP output histogram:"};

    private record Entry(String name, String text, int type) {
    }

    /** The tables in net-tools' order (statistics.c Iptab, Icmptab, Tcptab, Udptab, Tcpexttab), which bsearch relies on. */
    private static final Entry[] IP = {
        e("DefaultTTL", "", STATIC), e("Forwarding", "", STATIC), e("ForwDatagrams", "%s forwarded", NUMBER),
        e("FragCreates", "%s fragments created", OPT_NUMBER), e("FragFails", "%s outgoing packets failed fragmentation", OPT_NUMBER),
        e("FragOKs", "%s outgoing packets fragmented ok", OPT_NUMBER), e("InAddrErrors", "%s with invalid addresses", OPT_NUMBER),
        e("InDelivers", "%s incoming packets delivered", NUMBER), e("InDiscards", "%s incoming packets discarded", NUMBER),
        e("InHdrErrors", "%s with invalid headers", OPT_NUMBER), e("InReceives", "%s total packets received", NUMBER),
        e("InUnknownProtos", "%s with unknown protocol", OPT_NUMBER), e("OutDiscards", "%s outgoing packets dropped", OPT_NUMBER),
        e("OutNoRoutes", "%s dropped because of missing route", OPT_NUMBER), e("OutRequests", "%s requests sent out", NUMBER),
        e("ReasmFails", "%s packet reassemblies failed", OPT_NUMBER), e("ReasmOKs", "%s packets reassembled ok", OPT_NUMBER),
        e("ReasmReqds", "%s reassemblies required", OPT_NUMBER), e("ReasmTimeout", "%s fragments dropped after timeout", OPT_NUMBER),
    };
    private static final Entry[] ICMP = {
        e("InAddrMaskReps", "address mask replies: %s", IN_ICMP), e("InAddrMasks", "address mask request: %s", IN_ICMP),
        e("InDestUnreachs", "destination unreachable: %s", IN_ICMP), e("InEchoReps", "echo replies: %s", IN_ICMP),
        e("InEchos", "echo requests: %s", IN_ICMP), e("InErrors", "%s input ICMP message failed", NUMBER),
        e("InMsgs", "%s ICMP messages received", NUMBER), e("InParmProbs", "wrong parameters: %s", IN_ICMP),
        e("InRedirects", "redirects: %s", IN_ICMP), e("InSrcQuenchs", "source quenches: %s", IN_ICMP),
        e("InTimeExcds", "timeout in transit: %s", IN_ICMP), e("InTimestampReps", "timestamp reply: %s", IN_ICMP),
        e("InTimestamps", "timestamp request: %s", IN_ICMP), e("OutAddrMaskReps", "address mask replies: %s", OUT_ICMP),
        e("OutAddrMasks", "address mask requests: %s", OUT_ICMP), e("OutDestUnreachs", "destination unreachable: %s", OUT_ICMP),
        e("OutEchoReps", "echo replies: %s", OUT_ICMP), e("OutEchos", "echo requests: %s", OUT_ICMP),
        e("OutErrors", "%s ICMP messages failed", NUMBER), e("OutMsgs", "%s ICMP messages sent", NUMBER),
        e("OutParmProbs", "wrong parameters: %s", OUT_ICMP), e("OutRedirects", "redirect: %s", OUT_ICMP),
        e("OutSrcQuenchs", "source quench: %s", OUT_ICMP), e("OutTimeExcds", "time exceeded: %s", OUT_ICMP),
        e("OutTimestampReps", "timestamp replies: %s", OUT_ICMP), e("OutTimestamps", "timestamp requests: %s", OUT_ICMP),
    };
    private static final Entry[] TCP = {
        e("ActiveOpens", "%s active connection openings", NUMBER), e("AttemptFails", "%s failed connection attempts", NUMBER),
        e("CurrEstab", "%s connections established", NUMBER), e("EstabResets", "%s connection resets received", NUMBER),
        e("InErrs", "%s bad segments received", NUMBER), e("InSegs", "%s segments received", NUMBER), e("MaxConn", "", NUMBER),
        e("OutRsts", "%s resets sent", NUMBER), e("OutSegs", "%s segments sent out", NUMBER),
        e("PassiveOpens", "%s passive connection openings", NUMBER), e("RetransSegs", "%s segments retransmitted", NUMBER),
        e("RtoAlgorithm", "", STATIC), e("RtoMax", "", NUMBER), e("RtoMin", "", NUMBER),
    };
    private static final Entry[] UDP = {
        e("InDatagrams", "%s packets received", NUMBER), e("InErrors", "%s packet receive errors", NUMBER),
        e("NoPorts", "%s packets to unknown port received", NUMBER), e("OutDatagrams", "%s packets sent", NUMBER),
        e("RcvbufErrors", "%s receive buffer errors", NUMBER), e("SndbufErrors", "%s send buffer errors", NUMBER),
    };
    private static final Entry[] TCP_EXT = TcpExtTable.ENTRIES.stream().map(s -> e(s[0], s[1], s[0].equals("TCPHPHits") ? NUMBER
            : OPT_NUMBER)).toArray(Entry[]::new);

    private final boolean raw;
    private final boolean tcp;
    private final boolean udp;
    private final List<String> out = new ArrayList<>();
    private int state = NUMBER;

    /** {@code raw}, {@code tcp}, {@code udp}: -w, -t, -u (all three when none is given). */
    NetstatStatistics(boolean raw, boolean tcp, boolean udp) {
        this.raw = raw;
        this.tcp = tcp;
        this.udp = udp;
    }

    private static Entry e(String name, String text, int type) {
        return new Entry(name, text, type);
    }

    List<String> print(NetCounters counters) {
        for (List<NetCounters.Group> file : List.of(counters.snmp(), counters.netstat())) {
            for (NetCounters.Group g : file) {
                Entry[] table = table(g.name());
                boolean flag = flag(g.name());
                if (table != null || flag) {
                    if (flag) {
                        out.add(g.name() + ":");
                    }
                    if (table != null) {
                        state = NUMBER; // newtable resets the state of a table it knows, not of one it makes up
                    }
                }
                for (NetCounters.Counter c : g.counters()) {
                    if (flag) {
                        value(table, c.name(), c.value());
                    }
                }
            }
        }
        return out;
    }

    private static Entry[] table(String group) {
        return switch (group) {
            case "Ip" -> IP;
            case "Icmp" -> ICMP;
            case "Tcp" -> TCP;
            case "Udp" -> UDP;
            case "TcpExt" -> TCP_EXT;
            default -> null;
        };
    }

    /** f_raw for Ip and Icmp, f_tcp for Tcp and TcpExt, f_udp for Udp; f_unknown (always set) for a group of no table. */
    private boolean flag(String group) {
        return switch (group) {
            case "Ip", "Icmp" -> raw;
            case "Tcp", "TcpExt" -> tcp;
            case "Udp" -> udp;
            default -> true;
        };
    }

    /** printval: the entry's words, or {@code Name: N} for one the table does not have; {@code %llu} of the value. */
    private void value(Entry[] table, String name, long v) {
        Entry ent = table == null ? null : bsearch(table, name);
        String number = Long.toUnsignedString(v);
        if (ent == null) {
            if (v != 0) {
                out.add(" ".repeat(INDENT[state]) + name + ": " + number);
            }
            return;
        }
        int type = ent.type();
        if (type == STATIC || ent.text().isEmpty()) {
            return; // print_static is never set
        }
        if ((type == IN_ICMP || type == OUT_ICMP) && state != type) {
            out.add(" ".repeat(INDENT[state]) + TITLE[type]);
        }
        boolean shown = type == NUMBER || v != 0;
        if (shown) {
            out.add(" ".repeat(INDENT[type]) + ent.text().replace("%s", number));
        }
        state = type;
    }

    /** glibc's bsearch with strcmp: halves [l, u) by the middle entry, so an entry out of order may not be found. */
    private static Entry bsearch(Entry[] table, String key) {
        int l = 0;
        int u = table.length;
        while (l < u) {
            int idx = (l + u) >>> 1;
            int cmp = strcmp(key, table[idx].name());
            if (cmp < 0) {
                u = idx;
            } else if (cmp > 0) {
                l = idx + 1;
            } else {
                return table[idx];
            }
        }
        return null;
    }

    /** strcmp over ASCII names: byte order, which String.compareTo gives for them. */
    private static int strcmp(String a, String b) {
        return a.compareTo(b);
    }
}
