package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.XtFormat;
import dev.dockwire.wire.IpProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * xt_multiport (revision 1): {@code -m multiport [!] --sports|--dports|--ports P[:P],...} with up
 * to 15 ports, a range counting as two.
 */
final class XtMultiport implements Match {
    static final int SOURCE = 0;
    static final int DESTINATION = 1;
    static final int EITHER = 2;
    private static final int MAX_PORTS = 15;

    private final int proto;
    private final int which;
    private final int[] ports;
    private final boolean[] range;
    private final boolean invert;

    XtMultiport(int proto, int which, int[] ports, boolean[] range, boolean invert) {
        this.proto = proto;
        this.which = which;
        this.ports = ports;
        this.range = range;
        this.invert = invert;
    }

    @Override
    public String name() {
        return "multiport";
    }

    /** Ports only. */
    @Override
    public boolean flowInvariant() {
        return true;
    }

    @Override
    public boolean matches(NfPacket p) {
        if (p.sport < 0) {
            p.hotdrop = true;
            return false;
        }
        for (int i = 0; i < ports.length; i++) {
            int lo = ports[i];
            int hi = range[i] ? ports[++i] : lo;
            boolean s = p.sport >= lo && p.sport <= hi;
            boolean d = p.dport >= lo && p.dport <= hi;
            if (which == SOURCE ? s : which == DESTINATION ? d : s || d) {
                return !invert;
            }
        }
        return invert;
    }

    private String list(boolean numeric) {
        String pname = proto == IpProtocol.UDP ? "udp" : "tcp";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ports.length; i++) {
            sb.append(i > 0 ? "," : "").append(Services.name(ports[i], pname, numeric));
            if (range[i]) {
                sb.append(':').append(Services.name(ports[++i], pname, numeric));
            }
        }
        return sb.toString();
    }

    private String kind() {
        return which == SOURCE ? "sports" : which == DESTINATION ? "dports" : "ports";
    }

    @Override
    public void save(StringBuilder sb) {
        if (invert) {
            sb.append(" !");
        }
        sb.append(" --").append(kind()).append(' ').append(list(true));
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" multiport ").append(kind()).append(' ');
        if (invert) {
            sb.append(" !");
        }
        sb.append(list(numeric));
    }

    /** One of {@code --sports}, {@code --dports}, {@code --ports}. */
    static final class Parser extends Extension<Match> {
        private int which = -1;
        private int[] ports;
        private boolean[] range;
        private boolean invert;

        @Override
        public boolean parse(String option, boolean inv, Args args, RuleDraft rule) {
            int w = switch (option) {
                case "--sports", "--source-ports" -> SOURCE;
                case "--dports", "--destination-ports" -> DESTINATION;
                case "--ports" -> EITHER;
                default -> -1;
            };
            if (w < 0) {
                return false;
            }
            once(which >= 0, "multiport can only have one option");
            String pname = checkProto(rule);
            String arg = args.required(option);
            List<Integer> list = new ArrayList<>();
            List<Boolean> ranges = new ArrayList<>();
            for (String item : arg.split(",", -1)) {
                int colon = item.indexOf(':');
                if (colon < 0) {
                    list.add(port(item, pname));
                    ranges.add(false);
                } else {
                    int lo = port(item.substring(0, colon), pname);
                    int hi = port(item.substring(colon + 1), pname);
                    if (lo >= hi) {
                        throw XtablesException.param("invalid portrange specified");
                    }
                    list.add(lo);
                    ranges.add(true);
                    list.add(hi);
                    ranges.add(false);
                }
                if (list.size() > MAX_PORTS) {
                    throw XtablesException.param("too many ports specified");
                }
            }
            ports = list.stream().mapToInt(Integer::intValue).toArray();
            range = new boolean[ranges.size()];
            for (int i = 0; i < range.length; i++) {
                range[i] = ranges.get(i);
            }
            which = w;
            invert = inv;
            return true;
        }

        private static String checkProto(RuleDraft rule) {
            if (rule.protoInverted) {
                throw XtablesException.param("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
            }
            return switch (rule.proto) {
                case IpProtocol.TCP -> "tcp";
                case IpProtocol.UDP -> "udp";
                case 33, 132, 136 -> XtFormat.protoName(rule.proto);
                case 0 -> throw XtablesException.param(
                        "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
                default -> throw XtablesException.param("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
            };
        }

        @Override
        public Match build(RuleDraft rule) {
            if (which < 0) {
                throw XtablesException.param("multiport expection an option (--source-ports, --destination-ports or --ports)");
            }
            return new XtMultiport(rule.proto, which, ports, range, invert);
        }
    }
}
