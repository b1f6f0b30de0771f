package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.wire.IpProtocol;

/**
 * xt_tcpudp: {@code -m tcp} / {@code -m udp} with {@code [!] --sport|--dport P[:P]} and, for TCP,
 * {@code [!] --tcp-flags MASK COMP} and {@code [!] --syn}. Loaded implicitly by {@code -p tcp}
 * when one of its options appears. xt_sctp's port options too ({@code -m sctp}, which Docker's
 * rules for {@code -p 5000:5000/sctp} use): the same ports at the same offsets of SCTP's common
 * header (RFC 9260 3.1); its {@code --chunk-types} is not modelled.
 */
final class XtTcpUdp implements Match {
    static final int INV_SRCPT = 0x01;
    static final int INV_DSTPT = 0x02;
    static final int INV_FLAGS = 0x04;
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

    private final int proto;
    private final int spmin;
    private final int spmax;
    private final int dpmin;
    private final int dpmax;
    private final int flgMask;
    private final int flgCmp;
    private final int inv;

    XtTcpUdp(int proto, int spmin, int spmax, int dpmin, int dpmax, int flgMask, int flgCmp, int inv) {
        this.proto = proto;
        this.spmin = spmin;
        this.spmax = spmax;
        this.dpmin = dpmin;
        this.dpmax = dpmax;
        this.flgMask = flgMask;
        this.flgCmp = flgCmp;
        this.inv = inv;
    }

    private String protoName() {
        return IpProtocol.name(proto);
    }

    @Override
    public String name() {
        return protoName();
    }

    /** Ports only, unless it tests TCP flags ({@code --tcp-flags}, {@code --syn}), which change within a flow. */
    @Override
    public boolean flowInvariant() {
        return flgMask == 0;
    }

    @Override
    public boolean matches(NfPacket p) {
        if (p.sport < 0) {
            p.hotdrop = true;
            return false;
        }
        if (((p.sport < spmin || p.sport > spmax) ^ ((inv & INV_SRCPT) != 0))
                || ((p.dport < dpmin || p.dport > dpmax) ^ ((inv & INV_DSTPT) != 0))) {
            return false;
        }
        return ((p.tcpFlags & flgMask) == flgCmp) ^ ((inv & INV_FLAGS) != 0);
    }

    @Override
    public void save(StringBuilder sb) {
        if (spmin != 0 || spmax != 0xFFFF) {
            sb.append((inv & INV_SRCPT) != 0 ? " !" : "").append(" --sport ").append(range(spmin, spmax, ":"));
        }
        if (dpmin != 0 || dpmax != 0xFFFF) {
            sb.append((inv & INV_DSTPT) != 0 ? " !" : "").append(" --dport ").append(range(dpmin, dpmax, ":"));
        }
        if (flgMask != 0 || (inv & INV_FLAGS) != 0) {
            sb.append((inv & INV_FLAGS) != 0 ? " !" : "").append(" --tcp-flags ").append(flags(flgMask))
                    .append(' ').append(flags(flgCmp));
        }
    }

    private static String range(int min, int max, String sep) {
        return min == max ? Integer.toString(min) : min + sep + max;
    }

    /** print_tcpf: flag names in bit order, or NONE. */
    static String flags(int f) {
        if (f == 0) {
            return "NONE";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((f & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "," : "").append(FLAG_NAMES[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(' ').append(protoName());
        ports(sb, "spt", spmin, spmax, (inv & INV_SRCPT) != 0, numeric);
        ports(sb, "dpt", dpmin, dpmax, (inv & INV_DSTPT) != 0, numeric);
        if (flgMask != 0 || (inv & INV_FLAGS) != 0) {
            sb.append(" flags:").append((inv & INV_FLAGS) != 0 ? "!" : "");
            if (numeric) {
                sb.append(String.format("0x%02X/0x%02X", flgMask, flgCmp));
            } else {
                sb.append(flags(flgMask)).append('/').append(flags(flgCmp));
            }
        }
    }

    private void ports(StringBuilder sb, String name, int min, int max, boolean invert, boolean asNumbers) {
        if (min == 0 && max == 0xFFFF && !invert) {
            return;
        }
        // getservbyport(3) over Debian's /etc/services, which names no sctp port.
        boolean numeric = asNumbers || proto == IpProtocol.SCTP;
        sb.append(' ').append(name);
        if (min == max) {
            sb.append(':').append(invert ? "!" : "").append(Services.name(min, protoName(), numeric));
        } else {
            sb.append("s:").append(invert ? "!" : "").append(Services.name(min, protoName(), numeric)).append(':')
                    .append(Services.name(max, protoName(), numeric));
        }
    }

    /** The options of {@code -m tcp} / {@code -m udp}. */
    static final class Parser extends Extension<Match> {
        private final int proto;
        private int spmin;
        private int spmax = 0xFFFF;
        private int dpmin;
        private int dpmax = 0xFFFF;
        private int mask;
        private int cmp;
        private int inv;
        private boolean sport;
        private boolean dport;
        private boolean flags;

        Parser(int proto) {
            this.proto = proto;
        }

        private String pname() {
            return IpProtocol.name(proto);
        }

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            switch (option) {
                case "--sport", "--source-port" -> {
                    once(sport, "Only one `--source-port' allowed");
                    int[] r = ports(args.required(option));
                    spmin = r[0];
                    spmax = r[1];
                    inv |= invert ? INV_SRCPT : 0;
                    sport = true;
                }
                case "--dport", "--destination-port" -> {
                    once(dport, "Only one `--destination-port' allowed");
                    int[] r = ports(args.required(option));
                    dpmin = r[0];
                    dpmax = r[1];
                    inv |= invert ? INV_DSTPT : 0;
                    dport = true;
                }
                case "--tcp-flags" -> {
                    if (proto != IpProtocol.TCP) {
                        return false;
                    }
                    once(flags, "Only one of `--syn' or `--tcp-flags'  allowed");
                    String m = args.required(option);
                    if (!args.hasNext()) {
                        throw XtablesException.param("--tcp-flags requires two args.");
                    }
                    mask = parseFlags(m);
                    cmp = parseFlags(args.next());
                    inv |= invert ? INV_FLAGS : 0;
                    flags = true;
                }
                case "--syn" -> {
                    if (proto != IpProtocol.TCP) {
                        return false;
                    }
                    once(flags, "Only one of `--syn' or `--tcp-flags'  allowed");
                    mask = 0x17; // SYN,RST,ACK,FIN
                    cmp = 0x02;
                    inv |= invert ? INV_FLAGS : 0;
                    flags = true;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private int[] ports(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                int p = port(text, pname());
                return new int[] {p, p};
            }
            String a = text.substring(0, colon);
            String b = text.substring(colon + 1);
            int lo = a.isEmpty() ? 0 : port(a, pname());
            int hi = b.isEmpty() ? 0xFFFF : port(b, pname());
            if (lo > hi) {
                throw XtablesException.param("invalid portrange (min > max)");
            }
            return new int[] {lo, hi};
        }

        private static int parseFlags(String list) {
            int f = 0;
            for (String name : list.split(",")) {
                int bit = switch (name.toUpperCase(java.util.Locale.ROOT)) {
                    case "FIN" -> 0x01;
                    case "SYN" -> 0x02;
                    case "RST" -> 0x04;
                    case "PSH" -> 0x08;
                    case "ACK" -> 0x10;
                    case "URG" -> 0x20;
                    case "ALL" -> 0x3F;
                    case "NONE" -> 0;
                    default -> throw XtablesException.param("Unknown TCP flag `" + name + "'");
                };
                f |= bit;
            }
            return f;
        }

        @Override
        public Match build(RuleDraft rule) {
            // The nft backend stores an inverted range that starts at 0 as its complement.
            int[] s = complement(spmin, spmax, INV_SRCPT);
            int[] d = complement(dpmin, dpmax, INV_DSTPT);
            return new XtTcpUdp(proto, s[0], s[1], d[0], d[1], mask, cmp, inv);
        }

        private int[] complement(int min, int max, int bit) {
            if ((inv & bit) != 0 && min != max) {
                if (min == 0 && max < 0xFFFF) {
                    inv &= ~bit;
                    return new int[] {max + 1, 0xFFFF};
                }
            }
            return new int[] {min, max};
        }
    }
}
