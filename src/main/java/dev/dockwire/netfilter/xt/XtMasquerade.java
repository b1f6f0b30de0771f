package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.NatRange;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.XtContext;
import dev.dockwire.wire.IpProtocol;

/**
 * MASQUERADE (nf_nat_masquerade_ipv4): SNAT to the address the output interface would use towards
 * the next hop (inet_select_addr), remembering the interface so the flow dies if it moves; with
 * {@code --to-ports} the source port comes from that range. Only in nat POSTROUTING.
 */
final class XtMasquerade implements Target {
    private final int minPort;
    private final int maxPort;
    private final boolean random;

    XtMasquerade(int minPort, int maxPort, boolean random) {
        this.minPort = minPort;
        this.maxPort = maxPort;
        this.random = random;
    }

    @Override
    public String name() {
        return "MASQUERADE";
    }

    @Override
    public int target(NfPacket p, XtContext ctx) {
        Conn c = p.ct;
        if (c.src(Conn.ORIGINAL) == 0) {
            return Verdict.ACCEPT;
        }
        int newsrc = p.net.inetSelectAddress(p.out, p.dst);
        if (newsrc == 0) {
            ctx.log("MASQUERADE: " + p.out.name() + " ate my IP address");
            return Verdict.DROP;
        }
        c.masqIndex = p.out.ifindex();
        int flags = NatRange.MAP_IPS | (minPort != 0 ? NatRange.PROTO_SPECIFIED : 0);
        return ctx.natSetup(c, new NatRange(flags, newsrc, newsrc, minPort, maxPort), NatRange.MANIP_SRC);
    }

    @Override
    public void save(StringBuilder sb) {
        if (minPort != 0) {
            sb.append(" --to-ports ").append(minPort);
            if (maxPort != minPort) {
                sb.append('-').append(maxPort);
            }
        }
        if (random) {
            sb.append(" --random");
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        if (minPort != 0) {
            sb.append(" masq ports: ").append(minPort);
            if (maxPort != minPort) {
                sb.append('-').append(maxPort);
            }
        }
        if (random) {
            sb.append(" random");
        }
    }

    @Override
    public String table() {
        return "nat";
    }

    @Override
    public int hooks() {
        return Hook.POSTROUTING.mask();
    }

    /** Whether the rule's protocol has ports a NAT target may set. */
    static boolean portsAllowed(RuleDraft rule) {
        return !rule.protoInverted && (rule.proto == IpProtocol.TCP || rule.proto == IpProtocol.UDP
                || rule.proto == 33 || rule.proto == 132 || rule.proto == 136);
    }

    /** {@code --to-ports PORT[-PORT]}, {@code --random}. */
    static final class Parser extends Extension<Target> {
        private int minPort;
        private int maxPort;
        private boolean random;

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            switch (option) {
                case "--to-ports" -> {
                    String v = args.required(option);
                    if (!portsAllowed(rule)) {
                        throw XtablesException.param("Need TCP, UDP, SCTP or DCCP with port specification");
                    }
                    int dash = v.indexOf('-');
                    minPort = port(dash < 0 ? v : v.substring(0, dash));
                    maxPort = dash < 0 ? minPort : port(v.substring(dash + 1));
                    if (maxPort < minPort) {
                        throw XtablesException.param("Port range `" + v + "' invalid");
                    }
                }
                case "--random", "--random-fully" -> random = true;
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static int port(String text) {
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(text) > 65535) {
                throw XtablesException.param("Port `" + text + "' not valid");
            }
            return Integer.parseInt(text);
        }

        @Override
        public Target build(RuleDraft rule) {
            return new XtMasquerade(minPort, maxPort, random);
        }
    }
}
