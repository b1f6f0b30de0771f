package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.NatRange;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.XtContext;
import dev.dockwire.wire.Ipv4Address;

/**
 * The DNAT and SNAT targets (xt_nat): {@code -j DNAT --to-destination [IP[-IP]][:PORT[-PORT]]} in
 * PREROUTING/OUTPUT, {@code -j SNAT --to-source ...} in POSTROUTING/INPUT, of the nat table.
 * They bind the connection (nf_nat_setup_info) and stop the nat chain.
 */
final class XtNat implements Target {
    private final boolean dnat;
    private final NatRange range;
    private final boolean random;
    private final boolean persistent;

    XtNat(boolean dnat, NatRange range, boolean random, boolean persistent) {
        this.dnat = dnat;
        this.range = range;
        this.random = random;
        this.persistent = persistent;
    }

    @Override
    public String name() {
        return dnat ? "DNAT" : "SNAT";
    }

    @Override
    public int target(NfPacket p, XtContext ctx) {
        return ctx.natSetup(p.ct, range, dnat ? NatRange.MANIP_DST : NatRange.MANIP_SRC);
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(dnat ? " --to-destination " : " --to-source ").append(range.format());
        if (random) {
            sb.append(" --random");
        }
        if (persistent) {
            sb.append(" --persistent");
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" to:").append(range.format());
        if (random) {
            sb.append(" random");
        }
        if (persistent) {
            sb.append(" persistent");
        }
    }

    @Override
    public String table() {
        return "nat";
    }

    @Override
    public int hooks() {
        return dnat ? Hook.PREROUTING.mask() | Hook.OUTPUT.mask() : Hook.POSTROUTING.mask() | Hook.INPUT.mask();
    }

    /** {@code --to-destination} / {@code --to-source}, {@code --random}, {@code --persistent}. */
    static final class Parser extends Extension<Target> {
        private final boolean dnat;
        private NatRange range;
        private boolean random;
        private boolean persistent;

        Parser(boolean dnat) {
            this.dnat = dnat;
        }

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            String to = dnat ? "--to-destination" : "--to-source";
            if (option.equals(to)) {
                once(range != null, "Multiple --" + to.substring(2) + " not supported");
                range = parseRange(args.required(option), rule);
                return true;
            }
            if (option.equals("--random") || !dnat && option.equals("--random-fully")) {
                random = true;
                return true;
            }
            if (option.equals("--persistent")) {
                persistent = true;
                return true;
            }
            return false;
        }

        static NatRange parseRange(String arg, RuleDraft rule) {
            int colon = arg.indexOf(':');
            String ips = colon < 0 ? arg : arg.substring(0, colon);
            int flags = 0;
            int minIp = 0;
            int maxIp = 0;
            int minPort = 0;
            int maxPort = 0;
            if (colon >= 0) {
                if (!XtMasquerade.portsAllowed(rule)) {
                    throw XtablesException.param("Need TCP, UDP, SCTP or DCCP with port specification");
                }
                String ports = arg.substring(colon + 1);
                int dash = ports.indexOf('-');
                minPort = natPort(dash < 0 ? ports : ports.substring(0, dash));
                maxPort = dash < 0 ? minPort : natPort(ports.substring(dash + 1));
                if (maxPort < minPort) {
                    throw XtablesException.param("Port range `" + ports + "' invalid");
                }
                flags |= NatRange.PROTO_SPECIFIED;
            }
            if (!ips.isEmpty()) {
                int dash = ips.indexOf('-');
                minIp = ip(dash < 0 ? ips : ips.substring(0, dash));
                maxIp = dash < 0 ? minIp : ip(ips.substring(dash + 1));
                flags |= NatRange.MAP_IPS;
            }
            return new NatRange(flags, minIp, maxIp, minPort, maxPort);
        }

        private static int natPort(String text) {
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(text) > 65535 || Integer.parseInt(text) == 0) {
                throw XtablesException.param("Port `" + text + "' not valid");
            }
            return Integer.parseInt(text);
        }

        private static int ip(String text) {
            Integer v = Ipv4Address.tryParse(text);
            if (v == null) {
                throw XtablesException.param("Bad IP address \"" + text + "\"");
            }
            return v;
        }

        @Override
        public Target build(RuleDraft rule) {
            if (range == null) {
                String n = dnat ? "DNAT: option \"--to-destination\"" : "SNAT: option \"--to-source\"";
                throw XtablesException.param(n + " must be specified\n");
            }
            return new XtNat(dnat, range, random, persistent);
        }
    }
}
