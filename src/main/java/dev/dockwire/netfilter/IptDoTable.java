package dev.dockwire.netfilter;

/**
 * Rule traversal (ipt_do_table): from a built-in chain, rule by rule; a matching rule counts the
 * packet, then its target decides: a verdict ends the walk, a jump pushes the return point, a goto
 * does not, RETURN (or the end of a user chain) pops it, and the end of the built-in chain (or a
 * RETURN with nothing to pop) applies the policy, which has counters of its own. Walks arrays
 * with a preallocated stack, so it allocates nothing. A packet TRACE marked has each rule it
 * matches and the policy reported (nft_do_chain's nft_trace_packet): one flag read per matched rule.
 * A tracked flow's walk is remembered on its connection ({@link WalkMemo}) and replayed for its next
 * packets while nothing the rules tested changed: the established flow's FORWARD walk (Docker's
 * DOCKER-USER, DOCKER-FORWARD, DOCKER-CT jumps) costs its counters, not its matches.
 */
public final class IptDoTable {
    private Chain[] stackChain = new Chain[4]; // grows with deeper jumps (Docker nests three)
    private int[] stackPos = new int[4];
    /**
     * The memo of the last {@link #run(Chain, NfPacket, XtContext, int)}, replayed or recorded, or null when
     * that walk was not remembered: what an offloaded flow copies ({@link FlowWalks#add}). Stored only when
     * it changes (a reference store costs G1 a card-mark fence), as one flow's packets keep one memo.
     */
    WalkMemo last;

    public int run(Chain base, NfPacket p, XtContext ctx) {
        Chain c = base;
        Rule[] rules = c.compiled;
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
            Chain j = c.jumps[i];
            if (j != null) {
                sp = jump(c, r, i, j, sp, p, ctx);
                c = j;
                rules = c.compiled;
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
                i = rules.length; // as the chain's end: pop the return point, or the policy from the built-in chain
            } else {
                return decided(p, c, i, v);
            }
        }
    }

    /**
     * {@link #run}'s jump from rule {@code i} ({@code r}) of {@code c} to {@code j}: traced, and the return point
     * pushed unless it is a goto; the stack depth after. Apart, with RETURN taking the chain end's pop, so that
     * run stays within C2's FreqInlineSize (325 bytecodes; it was 419) and is inlined into each table's hook.
     */
    private int jump(Chain c, Rule r, int i, Chain j, int sp, NfPacket p, XtContext ctx) {
        if (p.nfTrace) {
            ctx.trace(c, r, Verdict.CONTINUE, j);
        }
        if (r.isGoto()) {
            return sp;
        }
        if (sp == stackChain.length) {
            grow();
        }
        stackChain[sp] = c;
        stackPos[sp] = i + 1;
        return sp + 1;
    }

    /**
     * {@link #run}, remembered per connection and direction ({@link WalkMemo}): a TCP or UDP packet of a
     * tracked connection whose walk of {@code base} was recorded with the same key (the table's commit
     * {@code generation}, tuple, devices, conntrack state and status) is counted by the recorded rules and
     * given the recorded verdict; any other is walked, and recorded when the walk can be replayed.
     */
    public int run(Chain base, NfPacket p, XtContext ctx, int generation) {
        Conn ct = p.ct;
        if (ct == null || p.sport < 0 || p.nfTrace) {
            if (last != null) {
                last = null;
            }
            return run(base, p, ctx);
        }
        boolean reply = p.ctinfo >= CtInfo.IS_REPLY;
        WalkMemo m = (WalkMemo) (reply ? ct.replyWalk : ct.originalWalk);
        int status = ct.status;
        if (m != null && m.holds(base, p, status, generation)) {
            if (last != m) {
                last = m;
            }
            return replay(m, p);
        }
        if (m == null) {
            m = new WalkMemo();
            if (reply) {
                ct.replyWalk = m;
            } else {
                ct.originalWalk = m;
            }
        }
        m.start(base, p, status, generation);
        if (last != m) {
            last = m;
        }
        return record(base, p, ctx, m);
    }

    /** The recorded walk again: the same rules counted, the same verdict from the same rule. */
    private static int replay(WalkMemo m, NfPacket p) {
        m.recount(p.length);
        return decided(p, m.verdictChain, m.verdictRule, m.verdict);
    }

    /** Whether a rule's test and action depend on nothing but what a {@link WalkMemo} keys on. */
    private static boolean replayable(Rule r) {
        if (r.target != null) {
            return false;
        }
        for (Match m : r.matches) {
            if (!m.flowInvariant()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #run}, noting in {@code m} each rule counted and how the walk ended; {@code m} is valid if it can be replayed.
     * A copy of run's loop, not run with a recorder: run walks every packet that is not replayed (ICMP, untracked,
     * traced) and carries no recording check; a change to one loop's semantics must be made in both (WalkMemoTest
     * holds their counters, verdicts and deciding rules equal).
     */
    int record(Chain base, NfPacket p, XtContext ctx, WalkMemo m) {
        boolean replayable = true;
        Chain c = base;
        Rule[] rules = c.compiled;
        Chain[] jumps = c.jumps;
        int i = 0;
        int sp = 0;
        int v;
        while (true) {
            if (i >= rules.length) {
                if (sp == 0) {
                    m.policy = base;
                    v = policy(base, p, ctx);
                    break;
                }
                sp--;
                c = stackChain[sp];
                i = stackPos[sp];
                rules = c.compiled;
                jumps = c.jumps;
                continue;
            }
            Rule r = rules[i];
            replayable &= replayable(r);
            if (!r.matches(p)) {
                if (p.hotdrop) {
                    replayable = false;
                    v = decided(p, c, i, Verdict.DROP);
                    break;
                }
                i++;
                continue;
            }
            r.packets++;
            r.bytes += p.length;
            m.count(r);
            if (r.target != null) {
                v = r.target.target(p, ctx);
                if (p.nfTrace) {
                    ctx.trace(c, r, v, null);
                }
                if (v != Verdict.CONTINUE) {
                    v = decided(p, c, i, v);
                    break;
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
            v = r.verdict;
            if (p.nfTrace) {
                ctx.trace(c, r, v, null);
            }
            if (v == Verdict.CONTINUE) {
                i++;
            } else if (v == Verdict.RETURN) {
                if (sp == 0) {
                    m.policy = base;
                    v = policy(base, p, ctx);
                    break;
                }
                sp--;
                c = stackChain[sp];
                i = stackPos[sp];
                rules = c.compiled;
                jumps = c.jumps;
            } else {
                v = decided(p, c, i, v);
                break;
            }
        }
        m.verdictChain = p.verdictChain;
        m.verdictRule = p.verdictRule;
        m.verdict = v;
        m.valid = replayable && !p.nfTrace;
        return v;
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
