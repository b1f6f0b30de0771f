package dev.dockwire.netfilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chain: built-in (bound to a hook, with a policy and the policy's counters) or user-defined
 * (entered by jump or goto). Rules are edited as a list inside a transaction; {@link #compile}
 * turns them into the arrays the packet path walks. Its fields are open to the iptables language
 * (transactions edit them, iptables-save renders them).
 */
public final class Chain {
    public String name;
    public final Hook hook;
    public int policy;
    public long policyPackets;
    public long policyBytes;
    /**
     * The rules, edited as a list in a transaction's copy; once committed ({@link #compile}) a fixed
     * view of the compiled array, so a committed chain holds its rules once.
     */
    public List<Rule> rules = new ArrayList<>();
    /** A chain without rules (most built-in chains): one pair of empty arrays for all of them. */
    private static final Rule[] NO_RULES = new Rule[0];
    private static final Chain[] NO_JUMPS = new Chain[0];
    /** The jumps of a chain of up to 16 rules none of which jumps (Docker's DNAT/SNAT chains): read only by index, never written. */
    private static final Chain[] NULL_JUMPS = new Chain[16];
    /** The compiled rules and, per rule, the chain it jumps to (or null). */
    Rule[] compiled = NO_RULES;
    Chain[] jumps = NO_JUMPS;
    /** Set in {@link #refs} when iptables-restore declared the chain; the other bits count the rules jumping to it. */
    private static final int DECLARED = 1 << 31;
    /**
     * How many rules jump or go to this chain, and (top bit) whether it was declared: one int, so a
     * chain is 64 bytes, not 72, in every namespace's tables.
     */
    private int refs;
    /**
     * The nft chain handle its table gave it; while the chain does not exist for nft, minus when it was
     * made ({@link Table#made}), the order a commit numbers new chains in; a copy keeps it.
     */
    long handle = -Table.made();

    public Chain(String name, Hook hook, int policy) {
        this.name = name;
        this.hook = hook;
        this.policy = policy;
    }

    public String name() {
        return name;
    }

    public boolean builtin() {
        return hook != null;
    }

    /** ACCEPT or DROP for a built-in chain. */
    public int policy() {
        return policy;
    }

    public long policyPackets() {
        return policyPackets;
    }

    public long policyBytes() {
        return policyBytes;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** How many rules jump or go to this chain ({@code Chain X (N references)}). */
    public int references() {
        return refs & ~DECLARED;
    }

    /** Declared by iptables-restore ({@code :INPUT ACCEPT}): iptables-nft creates such a built-in chain even when empty. */
    public boolean declared() {
        return (refs & DECLARED) != 0;
    }

    /** iptables-restore's {@code :CHAIN POLICY} line names the chain (see {@link #declared()}). */
    public void declare() {
        refs |= DECLARED;
    }

    /** Table's compile counts the jumps afresh. */
    void clearReferences() {
        refs &= DECLARED;
    }

    void referenced() {
        refs++;
    }

    Chain copy() {
        Chain c = new Chain(name, hook, policy);
        c.policyPackets = policyPackets;
        c.policyBytes = policyBytes;
        c.rules.addAll(rules);
        c.handle = handle;
        c.refs = refs & DECLARED;
        return c;
    }

    /** The rule at {@code index} of the rules the walk runs (as last committed). */
    public Rule compiledRule(int index) {
        return compiled[index];
    }

    void compile(Table table) {
        if (rules.isEmpty()) {
            compiled = NO_RULES;
            jumps = NO_JUMPS;
            rules = List.of();
            return;
        }
        Rule[] rs = rules.toArray(new Rule[0]);
        Chain[] js = null;
        for (int i = 0; i < rs.length; i++) {
            if (rs[i].jump != null) {
                if (js == null) {
                    js = new Chain[rs.length];
                }
                js[i] = table.chain(rs[i].jump);
            }
        }
        compiled = rs;
        rules = Arrays.asList(rs); // transactions edit a copy's list (copy()), never a committed one
        jumps = js != null ? js : rs.length <= NULL_JUMPS.length ? NULL_JUMPS : new Chain[rs.length];
    }

    /** Nothing to do at its hook: no rules and an ACCEPT policy. */
    public boolean trivial() {
        return compiled.length == 0 && policy == Verdict.ACCEPT;
    }
}
