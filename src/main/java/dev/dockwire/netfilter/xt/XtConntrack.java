package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;

/**
 * xt_conntrack's {@code [!] --ctstate} and the older {@code -m state [!] --state}: the packet's
 * conntrack state among INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED and, for ctstate, SNAT and
 * DNAT (the connection is source/destination NATed). A reply-direction packet has the state of
 * its original-direction counterpart.
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
    private final int mask;
    private final boolean invert;

    XtConntrack(boolean stateMatch, int mask, boolean invert) {
        this.stateMatch = stateMatch;
        this.mask = mask;
        this.invert = invert;
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

    @Override
    public boolean matches(NfPacket p) {
        int bits;
        Conn c = p.ct;
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
        return ((bits & mask) != 0) ^ invert;
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
        if (invert) {
            sb.append(" !");
        }
        sb.append(stateMatch ? " --state " : " --ctstate ").append(states(mask));
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        if (invert) {
            sb.append(" !");
        }
        sb.append(stateMatch ? " state " : " ctstate ").append(states(mask));
    }

    /** {@code --ctstate} (conntrack) or {@code --state} (state). */
    static final class Parser extends Extension<Match> {
        private final boolean stateMatch;
        private int mask = -1;
        private boolean invert;

        Parser(boolean stateMatch) {
            this.stateMatch = stateMatch;
        }

        @Override
        public boolean parse(String option, boolean inv, Args args, RuleDraft rule) {
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
            if (mask < 0) {
                throw XtablesException.param(stateMatch ? "state: option \"--state\" must be specified\n"
                        : "conntrack: At least one option is required");
            }
            return new XtConntrack(stateMatch, mask, invert);
        }
    }
}
