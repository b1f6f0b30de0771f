package dev.dockwire.netfilter;

/**
 * Rule traversal (ipt_do_table): from a built-in chain, rule by rule; a matching rule counts the
 * packet, then its target decides: a verdict ends the walk, a jump pushes the return point, a goto
 * does not, RETURN (or the end of a user chain) pops it, and the end of the built-in chain (or a
 * RETURN with nothing to pop) applies the policy, which has counters of its own. Walks arrays
 * with a preallocated stack, so it allocates nothing. A packet TRACE marked has each rule it
 * matches and the policy reported (nft_do_chain's nft_trace_packet): one flag read per matched rule.
 */
public final class IptDoTable {
    private Chain[] stackChain = new Chain[4]; // grows with deeper jumps (Docker nests three)
    private int[] stackPos = new int[4];

    public int run(Chain base, NfPacket p, XtContext ctx) {
        Chain c = base;
        Rule[] rules = c.compiled;
        Chain[] jumps = c.jumps;
        int i = 0;
        int sp = 0;
        while (true) {
            if (i >= rules.length) {
                if (sp == 0) {
                    return policy(base, p, ctx);
                }
                sp--;
                c = stackChain[sp];
                i = stackPos[sp];
                rules = c.compiled;
                jumps = c.jumps;
                continue;
            }
            Rule r = rules[i];
            if (!r.matches(p)) {
                if (p.hotdrop) {
                    return decided(p, c, i, Verdict.DROP);
                }
                i++;
                continue;
            }
            r.packets++;
            r.bytes += p.length;
            if (r.target != null) {
                int v = r.target.target(p, ctx);
                if (p.nfTrace) {
                    ctx.trace(c, r, v, null);
                }
                if (v != Verdict.CONTINUE) {
                    return decided(p, c, i, v);
                }
                i++;
                continue;
            }
            Chain j = jumps[i];
            if (j != null) {
                if (p.nfTrace) {
                    ctx.trace(c, r, Verdict.CONTINUE, j);
                }
                if (!r.isGoto()) {
                    if (sp == stackChain.length) {
                        grow();
                    }
                    stackChain[sp] = c;
                    stackPos[sp] = i + 1;
                    sp++;
                }
                c = j;
                rules = c.compiled;
                jumps = c.jumps;
                i = 0;
                continue;
            }
            int v = r.verdict;
            if (p.nfTrace) {
                ctx.trace(c, r, v, null);
            }
            if (v == Verdict.CONTINUE) {
                i++;
            } else if (v == Verdict.RETURN) {
                if (sp == 0) {
                    return policy(base, p, ctx);
                }
                sp--;
                c = stackChain[sp];
                i = stackPos[sp];
                rules = c.compiled;
                jumps = c.jumps;
            } else {
                return decided(p, c, i, v);
            }
        }
    }

    /** Notes on the packet which rule gave the verdict, for netfilter's tracepoints. */
    private static int decided(NfPacket p, Chain c, int rule, int verdict) {
        if (p.verdictChain != c) {
            p.verdictChain = c; // the same chain as last time is not stored again (a G1 card-mark fence)
        }
        p.verdictRule = rule;
        return verdict;
    }

    private static int policy(Chain base, NfPacket p, XtContext ctx) {
        base.policyPackets++;
        base.policyBytes += p.length;
        if (p.nfTrace) {
            ctx.trace(base, null, base.policy, null);
        }
        return decided(p, base, -1, base.policy);
    }

    private void grow() {
        stackChain = java.util.Arrays.copyOf(stackChain, stackChain.length * 2);
        stackPos = java.util.Arrays.copyOf(stackPos, stackPos.length * 2);
    }
}
