package dev.dockwire.tools;

import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.wire.Ipv4Address;
import java.util.Locale;

/**
 * A connection as conntrack-tools 1.4.7 prints it (libnetfilter_conntrack's default output,
 * src/conntrack/snprintf_default.c): {@code PROTO NUM [TIMEOUT] [STATE] ORIGINAL [UNREPLIED] REPLY
 * [ASSURED]} then {@code mark=}/{@code use=} where the message had them; an event's type in
 * brackets right-aligned in 9 columns before it ({@code nfct_snprintf}'s NFCT_O_DEFAULT with
 * NFCT_OF_SHOW_LAYER3 off), and {@code [USERSPACE] portid=N progname=conntrack} after an event
 * a program caused.
 */
public final class ConntrackFormat {
    private ConntrackFormat() {
    }

    /** The name conntrack prints for protocol number {@code p}. */
    public static String protoName(int p) {
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

    /** One line of {@code conntrack -L}: the dump carries mark and use. */
    public static String dumped(ConntrackInfo c, boolean extended) {
        StringBuilder sb = body(c, extended);
        return sb.append("mark=").append(c.mark()).append(" use=").append(c.use()).toString();
    }

    /** One line of {@code conntrack -E}: mark only when set, no use; the portid of the program that asked. */
    public static String event(ConntrackEvent e, boolean extended) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%9s ", "[" + e.type() + "]"));
        sb.append(body(e.conn(), extended));
        ConntrackInfo c = e.conn();
        if (c.mark() != 0) {
            sb.append("mark=").append(Integer.toUnsignedString(c.mark())).append(' ');
        }
        if (e.portid() != 0) {
            sb.append("[USERSPACE] portid=").append(e.portid()).append(" progname=conntrack ");
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static StringBuilder body(ConntrackInfo c, boolean extended) {
        StringBuilder sb = new StringBuilder();
        if (extended) {
            sb.append(String.format(Locale.ROOT, "%-8s %d ", "ipv4", 2));
        }
        sb.append(String.format(Locale.ROOT, "%-8s %d ", protoName(c.protocol()), c.protocol()));
        if (c.timeout() >= 0) {
            sb.append(c.timeout()).append(' ');
        }
        if (c.tcpState() != null) {
            sb.append(c.tcpState()).append(' ');
        }
        tuple(sb, c.original());
        if (!c.seenReply()) {
            sb.append("[UNREPLIED] ");
        }
        if (c.reply() != null) {
            tuple(sb, c.reply());
        }
        if (c.assured()) {
            sb.append("[ASSURED] ");
        }
        return sb;
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
