package dev.dockwire.netfilter;

/**
 * The counters the table walks of one packet incremented, taken from their {@link WalkMemo}s, for
 * an offloaded flow ({@link NfFlow}) to increment again for each next packet: every rule counted
 * and every built-in chain whose policy decided, whatever table and hook they were in (counting is
 * all a replayed walk does; see {@link IptDoTable#run(Chain, NfPacket, XtContext, int)}).
 */
public final class FlowWalks {
    private Rule[] rules = new Rule[4];
    private int counted;
    private Chain[] policies = new Chain[2];
    private int decided;

    /** Forgets the walks (a new recording starts). */
    public void clear() {
        counted = 0;
        decided = 0;
    }

    /**
     * Adds the walk {@code ipt} just made (or replayed): false when that walk cannot be replayed
     * (a rule with a target extension, a match that asks more than the flow's key, a traced packet).
     */
    public boolean add(IptDoTable ipt) {
        WalkMemo m = ipt.last;
        if (m == null || !m.valid) {
            return false;
        }
        for (int i = 0; i < m.counted; i++) {
            if (counted == rules.length) {
                rules = java.util.Arrays.copyOf(rules, counted * 2);
            }
            rules[counted++] = m.rules[i];
        }
        if (m.policy != null) {
            if (decided == policies.length) {
                policies = java.util.Arrays.copyOf(policies, decided * 2);
            }
            policies[decided++] = m.policy;
        }
        return true;
    }

    /** Copies {@code other}'s walks into this one (its arrays grown as needed, so a reused one stops allocating). */
    public void copy(FlowWalks other) {
        if (rules.length < other.counted) {
            rules = new Rule[other.rules.length];
        }
        if (policies.length < other.decided) {
            policies = new Chain[other.policies.length];
        }
        System.arraycopy(other.rules, 0, rules, 0, other.counted);
        System.arraycopy(other.policies, 0, policies, 0, other.decided);
        counted = other.counted;
        decided = other.decided;
    }

    /** Whether the walks counted nothing (no rule, no policy decided): {@link #count} would do nothing. */
    public boolean isEmpty() {
        return counted == 0 && decided == 0;
    }

    /** The walks again for a packet of {@code length} bytes: the same rules and policies counted. */
    public void count(int length) {
        Rule[] r = rules;
        for (int i = 0; i < counted; i++) {
            r[i].packets++;
            r[i].bytes += length;
        }
        Chain[] c = policies;
        for (int i = 0; i < decided; i++) {
            c[i].policyPackets++;
            c[i].policyBytes += length;
        }
    }
}
