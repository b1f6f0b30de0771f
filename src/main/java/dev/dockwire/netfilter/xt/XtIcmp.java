package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;

/**
 * {@code -m icmp [!] --icmp-type {TYPE[/CODE] | NAME}}: icmp_match in ip_tables.c; type 255
 * ("any") matches every type.
 */
final class XtIcmp implements Match {
    /** libxt_icmp's icmp_codes: name, type, code range. */
    private static final Object[][] CODES = {
        {"any", 0xFF, 0, 0xFF},
        {"echo-reply", 0, 0, 0xFF},
        {"destination-unreachable", 3, 0, 0xFF},
        {"network-unreachable", 3, 0, 0},
        {"host-unreachable", 3, 1, 1},
        {"protocol-unreachable", 3, 2, 2},
        {"port-unreachable", 3, 3, 3},
        {"fragmentation-needed", 3, 4, 4},
        {"source-route-failed", 3, 5, 5},
        {"network-unknown", 3, 6, 6},
        {"host-unknown", 3, 7, 7},
        {"network-prohibited", 3, 9, 9},
        {"host-prohibited", 3, 10, 10},
        {"TOS-network-unreachable", 3, 11, 11},
        {"TOS-host-unreachable", 3, 12, 12},
        {"communication-prohibited", 3, 13, 13},
        {"host-precedence-violation", 3, 14, 14},
        {"precedence-cutoff", 3, 15, 15},
        {"source-quench", 4, 0, 0xFF},
        {"redirect", 5, 0, 0xFF},
        {"network-redirect", 5, 0, 0},
        {"host-redirect", 5, 1, 1},
        {"TOS-network-redirect", 5, 2, 2},
        {"TOS-host-redirect", 5, 3, 3},
        {"echo-request", 8, 0, 0xFF},
        {"router-advertisement", 9, 0, 0xFF},
        {"router-solicitation", 10, 0, 0xFF},
        {"time-exceeded", 11, 0, 0xFF},
        {"ttl-zero-during-transit", 11, 0, 0},
        {"ttl-zero-during-reassembly", 11, 1, 1},
        {"parameter-problem", 12, 0, 0xFF},
        {"ip-header-bad", 12, 0, 0},
        {"required-option-missing", 12, 1, 1},
        {"timestamp-request", 13, 0, 0xFF},
        {"timestamp-reply", 14, 0, 0xFF},
        {"address-mask-request", 17, 0, 0xFF},
        {"address-mask-reply", 18, 0, 0xFF},
    };

    private final int type;
    private final int codeMin;
    private final int codeMax;
    private final boolean invert;

    XtIcmp(int type, int codeMin, int codeMax, boolean invert) {
        this.type = type;
        this.codeMin = codeMin;
        this.codeMax = codeMax;
        this.invert = invert;
    }

    @Override
    public String name() {
        return "icmp";
    }

    @Override
    public boolean matches(NfPacket p) {
        if (p.icmpType < 0) {
            p.hotdrop = true;
            return false;
        }
        boolean hit = type == 0xFF || (p.icmpType == type && p.icmpCode >= codeMin && p.icmpCode <= codeMax);
        return hit ^ invert;
    }

    @Override
    public void save(StringBuilder sb) {
        if (invert) {
            sb.append(" !");
        }
        if (type == 0xFF) {
            sb.append(" --icmp-type any");
        } else {
            sb.append(" --icmp-type ").append(type);
            if (codeMin != 0 || codeMax != 0xFF) {
                sb.append('/').append(codeMin);
            }
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" icmp");
        if (!numeric) {
            for (Object[] c : CODES) {
                if ((int) c[1] == type && (int) c[2] == codeMin && (int) c[3] == codeMax) {
                    sb.append(' ').append(invert ? "!" : "").append(c[0]);
                    return;
                }
            }
        }
        if (invert) {
            sb.append(" !");
        }
        sb.append("type ").append(type);
        if (codeMin == codeMax) {
            sb.append(" code ").append(codeMin);
        } else if (codeMin != 0 || codeMax != 0xFF) {
            sb.append(" codes ").append(codeMin).append('-').append(codeMax);
        }
    }

    /** {@code --icmp-type}. */
    static final class Parser extends Extension<Match> {
        private int type = -1;
        private int codeMin;
        private int codeMax = 0xFF;
        private boolean invert;

        @Override
        public boolean parse(String option, boolean inv, Args args, RuleDraft rule) {
            if (!option.equals("--icmp-type")) {
                return false;
            }
            String arg = args.required(option);
            parseType(arg);
            invert = inv;
            return true;
        }

        private void parseType(String arg) {
            int matches = 0;
            for (Object[] c : CODES) {
                if (((String) c[0]).regionMatches(true, 0, arg, 0, arg.length()) && ((String) c[0]).length() >= arg.length()) {
                    if (((String) c[0]).equalsIgnoreCase(arg)) {
                        set(c);
                        return;
                    }
                    matches++;
                    if (matches == 1) {
                        set(c);
                    }
                }
            }
            if (arg.equals("ping")) {
                set(CODES[24]);
                return;
            }
            if (arg.equals("pong")) {
                set(CODES[1]);
                return;
            }
            if (matches > 1) {
                throw XtablesException.param("Ambiguous ICMP type `" + arg + "': `" + arg + "' or ...?");
            }
            if (matches == 1) {
                return;
            }
            String[] parts = arg.split("/", -1);
            if (parts.length > 2 || !numeric(parts[0]) || parts.length == 2 && !numeric(parts[1])) {
                throw XtablesException.param("Unknown ICMP type `" + arg + "'");
            }
            type = Integer.parseInt(parts[0]);
            if (type > 255) {
                throw XtablesException.param("Unknown ICMP type `" + arg + "'");
            }
            if (parts.length == 2) {
                codeMin = codeMax = Integer.parseInt(parts[1]);
                if (codeMin > 255) {
                    throw XtablesException.param("Unknown ICMP type `" + arg + "'");
                }
            } else {
                codeMin = 0;
                codeMax = 0xFF;
            }
        }

        private static boolean numeric(String s) {
            return !s.isEmpty() && s.length() <= 3 && s.chars().allMatch(Character::isDigit);
        }

        private void set(Object[] c) {
            type = (int) c[1];
            codeMin = (int) c[2];
            codeMax = (int) c[3];
        }

        @Override
        public Match build(RuleDraft rule) {
            if (type < 0) {
                // -m icmp alone matches any type, as libxt_icmp's init does
                return new XtIcmp(0xFF, 0, 0xFF, false);
            }
            return new XtIcmp(type, codeMin, codeMax, invert);
        }
    }
}
