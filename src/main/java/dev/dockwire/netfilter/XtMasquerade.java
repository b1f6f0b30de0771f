package dev.dockwire.netfilter;

import dev.dockwire.netns.IfAddress;
import dev.dockwire.netns.Namespace;
import dev.dockwire.netns.Route;
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
    public int target(NfPacket p, Netfilter nf) {
        Conn c = p.ct;
        if (c.src(Conn.ORIGINAL) == 0) {
            return Verdict.ACCEPT;
        }
        int newsrc = selectAddress(nf.namespace(), p);
        if (newsrc == 0) {
            nf.log("MASQUERADE: " + p.out.name() + " ate my IP address");
            return Verdict.DROP;
        }
        c.masqIndex = p.out.ifindex();
        int flags = NatRange.MAP_IPS | (minPort != 0 ? NatRange.PROTO_SPECIFIED : 0);
        return nf.nat().setup(c, new NatRange(flags, newsrc, newsrc, minPort, maxPort), Nat.SRC);
    }

    /** inet_select_addr(out, nexthop, RT_SCOPE_UNIVERSE). */
    private static int selectAddress(Namespace ns, NfPacket p) {
        Route r = ns.fib().lookup(p.dst);
        int nh = r == null || r.dev() != p.out ? p.dst : r.nextHop(p.dst);
        int first = 0;
        for (IfAddress a : ns.addressArray()) {
            if (a.dev() == p.out && (a.address() >>> 24) != 127) {
                if (a.cidr().contains(nh)) {
                    return a.address();
                }
                if (first == 0) {
                    first = a.address();
                }
            }
        }
        if (first != 0) {
            return first;
        }
        for (IfAddress a : ns.addressArray()) {
            if (a.dev() != ns.lo() && (a.address() >>> 24) != 127) {
                return a.address();
            }
        }
        return 0;
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
        boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
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
        Target build(RuleDraft rule) {
            return new XtMasquerade(minPort, maxPort, random);
        }
    }
}
