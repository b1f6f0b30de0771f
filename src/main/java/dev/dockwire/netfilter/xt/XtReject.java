package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.IpHeaderMatch;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.XtContext;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;

/**
 * ipt_REJECT: drops the packet and answers it, with an ICMP destination unreachable of the
 * chosen code (icmp_send) or, for {@code tcp-reset}, a TCP RST from the packet's destination
 * (nf_send_reset). Only in the filter table's INPUT, FORWARD and OUTPUT (and chains they call);
 * {@code tcp-reset} only with {@code -p tcp}.
 */
public final class XtReject implements Target {
    /** reject_table: canonical name, alias, ICMP code (-1 for tcp-reset). */
    private static final Object[][] TYPES = {
        {"icmp-net-unreachable", "net-unreach", IcmpPacket.CODE_NET_UNREACHABLE},
        {"icmp-host-unreachable", "host-unreach", IcmpPacket.CODE_HOST_UNREACHABLE},
        {"icmp-proto-unreachable", "proto-unreach", IcmpPacket.CODE_PROTOCOL_UNREACHABLE},
        {"icmp-port-unreachable", "port-unreach", IcmpPacket.CODE_PORT_UNREACHABLE},
        {"icmp-net-prohibited", "net-prohib", 9},
        {"icmp-host-prohibited", "host-prohib", 10},
        {"tcp-reset", "tcp-rst", -1},
        {"icmp-admin-prohibited", "admin-prohib", IcmpPacket.CODE_ADMIN_PROHIBITED},
    };
    /** {@link NfPacket#reject} for a TCP reset; ICMP answers are {@code ICMP_FLAG | code}. */
    public static final int TCP_RESET = 0x200;
    static final int ICMP_FLAG = 0x100;

    private final int type;

    XtReject(int type) {
        this.type = type;
    }

    @Override
    public String name() {
        return "REJECT";
    }

    @Override
    public int target(NfPacket p, XtContext ctx) {
        int code = (int) TYPES[type][2];
        p.reject = code < 0 ? TCP_RESET : ICMP_FLAG | code;
        return Verdict.DROP;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --reject-with ").append(TYPES[type][0]);
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" reject-with ").append(TYPES[type][0]);
    }

    @Override
    public String table() {
        return "filter";
    }

    @Override
    public int hooks() {
        return Hook.INPUT.mask() | Hook.FORWARD.mask() | Hook.OUTPUT.mask();
    }

    @Override
    public void check(IpHeaderMatch ip) {
        if ((int) TYPES[type][2] < 0 && (ip.proto() != IpProtocol.TCP || ip.protoInverted())) {
            throw new XtablesException(XtablesException.Kind.KERNEL, "Invalid argument");
        }
    }

    /** {@code --reject-with TYPE}, matched by prefix on the name or the alias, case-insensitively. */
    static final class Parser extends Extension<Target> {
        private int type = 3;

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            if (!option.equals("--reject-with")) {
                return false;
            }
            String arg = args.required(option);
            for (int i = 0; i < TYPES.length; i++) {
                if (prefix((String) TYPES[i][0], arg) || prefix((String) TYPES[i][1], arg)) {
                    type = i;
                    return true;
                }
            }
            throw XtablesException.param("unknown reject type \"" + arg + "\"");
        }

        private static boolean prefix(String name, String arg) {
            return arg.length() <= name.length() && name.regionMatches(true, 0, arg, 0, arg.length());
        }

        @Override
        public Target build(RuleDraft rule) {
            return new XtReject(type);
        }
    }
}
