package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;

/**
 * xt_conntrack's {@code [!] --ctstate} and the older {@code -m state [!] --state}: the packet's
 * conntrack state among INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED and, for ctstate, SNAT and
 * DNAT (the connection is source/destination NATed). A reply-direction packet has the state of
 * its original-direction counterpart. Also conntrack's {@code [!] --ctorigdstport P[:P]} (the
 * original tuple's destination port, before DNAT: Docker's "Packet filtering and firewalls" page
 * matches published ports in DOCKER-USER with it) and {@code --ctdir ORIGINAL|REPLY}, matched and
 * printed as xt_conntrack.c conntrack_mt (revision 3) and libxt_conntrack.c conntrack_dump do.
 */
final class XtConntrack implements Match {
    static final int INVALID = 1;
    static final int NEW = 1 << 3; // XT_STATE_BIT(IP_CT_NEW) = 1 << (2 + 1)
    static final int RELATED = 1 << 2;
    static final int ESTABLISHED = 1 << 1;
    static final int UNTRACKED = 1 << 4;
    static final int SNAT = 1 << 5;
    static final int DNAT = 1 << 6;
    private static final String[] NAMES = {"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"};
    private static final int[] BITS = {INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT};

    private final boolean stateMatch;
    /** The states, or -1 without {@code --ctstate}. */
    private final int mask;
    private final boolean invert;
    /** {@code --ctorigdstport}'s range, or -1 without it. */
    private final int dportMin;
    private final int dportMax;
    private final boolean dportInvert;
    /** {@code --ctdir}: -1 without it, else {@link Conn#ORIGINAL} or {@link Conn#REPLY}. */
    private final int dir;

    XtConntrack(boolean stateMatch, int mask, boolean invert) {
        this(stateMatch, mask, invert, -1, -1, false, -1);
    }

    private XtConntrack(boolean stateMatch, int mask, boolean invert, int dportMin, int dportMax, boolean dportInvert, int dir) {
        this.stateMatch = stateMatch;
        this.mask = mask;
        this.invert = invert;
        this.dportMin = dportMin;
        this.dportMax = dportMax;
        this.dportInvert = dportInvert;
        this.dir = dir;
    }

    @Override
    public String name() {
        return stateMatch ? "state" : "conntrack";
    }

    @Override
    public boolean needsConntrack() {
        return true;
    }

    /** The state and the NAT bits are the packet's conntrack state and its connection's status. */
    @Override
    public boolean flowInvariant() {
        return true;
    }

    /** conntrack_mt: the state, then (for a tracked packet) the direction and the original destination port. */
    @Override
    public boolean matches(NfPacket p) {
        Conn c = p.ct;
        if (mask >= 0) {
            int bits;
            if (c == null) {
                bits = INVALID;
            } else {
                bits = 1 << (p.ctinfo % CtInfo.IS_REPLY + 1);
                if ((c.status & Conn.IPS_SRC_NAT) != 0) {
                    bits |= SNAT;
                }
                if ((c.status & Conn.IPS_DST_NAT) != 0) {
                    bits |= DNAT;
                }
            }
            if (((bits & mask) != 0) == invert) {
                return false;
            }
        }
        if (c == null) {
            return mask >= 0; // "if (ct == NULL) return info->match_flags & XT_CONNTRACK_STATE"
        }
        if (dir >= 0 && CtInfo.dir(p.ctinfo) != dir) {
            return false;
        }
        if (dportMin >= 0) {
            int port = c.dport(Conn.ORIGINAL);
            return (port >= dportMin && port <= dportMax) != dportInvert;
        }
        return true;
    }

    static String states(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((mask & BITS[i]) != 0) {
                sb.append(sb.length() > 0 ? "," : "").append(NAMES[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public void save(StringBuilder sb) {
        dump(sb, stateMatch ? "--" : "--ct");
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        dump(sb, stateMatch ? "" : "ct");
    }

    /** conntrack_dump's order: state, ..., origdstport, ..., dir. */
    private void dump(StringBuilder sb, String prefix) {
        if (mask >= 0) {
            sb.append(invert ? " !" : "").append(' ').append(prefix).append("state ").append(states(mask));
        }
        if (dportMin >= 0) {
            sb.append(dportInvert ? " !" : "").append(' ').append(prefix).append("origdstport ").append(dportMin);
            if (dportMax != dportMin) {
                sb.append(':').append(dportMax);
            }
        }
        if (dir >= 0) {
            sb.append(' ').append(prefix).append("dir ").append(dir == Conn.ORIGINAL ? "ORIGINAL" : "REPLY");
        }
    }

    /** {@code --ctstate} (conntrack) or {@code --state} (state). */
    static final class Parser extends Extension<Match> {
        private final boolean stateMatch;
        private int mask = -1;
        private boolean invert;
        private int dportMin = -1;
        private int dportMax = -1;
        private boolean dportInvert;
        private int dir = -1;

        Parser(boolean stateMatch) {
            this.stateMatch = stateMatch;
        }

        @Override
        public boolean parse(String option, boolean inv, Args args, RuleDraft rule) {
            if (!stateMatch && option.equals("--ctorigdstport")) {
                String range = args.required(option); // XTTYPE_PORTRC_NE: PORT[:PORT], numbers or service names
                int colon = range.indexOf(':');
                dportMin = port(colon < 0 ? range : range.substring(0, colon), null);
                dportMax = colon < 0 ? dportMin : port(range.substring(colon + 1), null);
                dportInvert = inv;
                return true;
            }
            if (!stateMatch && option.equals("--ctdir")) {
                noInvert(inv, option);
                String d = args.required(option);
                if (!d.equalsIgnoreCase("ORIGINAL") && !d.equalsIgnoreCase("REPLY")) {
                    throw XtablesException.param("Unknown --ctdir " + d);
                }
                dir = d.equalsIgnoreCase("ORIGINAL") ? Conn.ORIGINAL : Conn.REPLY;
                return true;
            }
            if (!option.equals(stateMatch ? "--state" : "--ctstate")) {
                return false;
            }
            String list = args.required(option);
            int m = 0;
            for (String s : list.split(",", -1)) {
                int bit = -1;
                for (int i = 0; i < NAMES.length; i++) {
                    if (NAMES[i].equalsIgnoreCase(s) && (!stateMatch || i < 5)) {
                        bit = BITS[i];
                    }
                }
                if (bit < 0) {
                    throw XtablesException.param(stateMatch ? "Bad state \"" + s + "\"" : "Bad ctstate \"" + s + "\"");
                }
                m |= bit;
            }
            mask = m;
            invert = inv;
            return true;
        }

        @Override
        public Match build(RuleDraft rule) {
            if (mask < 0 && dportMin < 0 && dir < 0) {
                throw XtablesException.param(stateMatch ? "state: option \"--state\" must be specified\n"
                        : "conntrack: At least one option is required");
            }
            return new XtConntrack(stateMatch, mask, invert, dportMin, dportMax, dportInvert, dir);
        }
    }
}
