package dev.dockwire.netfilter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of the IPv4 tables with its built-in chains ({@code iptable_raw}, {@code iptable_mangle},
 * {@code iptable_nat}, {@code iptable_filter}) and its user-defined chains. Tables are changed by
 * copying, editing the copy and swapping it in on COMMIT, as iptables-restore replaces a table
 * in one transaction; the iptables language does the copying and editing, {@link Tables#install}
 * the swap.
 */
public final class Table {
    /** The tables in the order iptables-save (nft) lists them, with their built-in chains' hooks. */
    public enum Kind {
        MANGLE("mangle", Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING),
        RAW("raw", Hook.PREROUTING, Hook.OUTPUT),
        FILTER("filter", Hook.INPUT, Hook.FORWARD, Hook.OUTPUT),
        NAT("nat", Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING);

        final String tableName;
        final Hook[] hooks;

        Kind(String tableName, Hook... hooks) {
            this.tableName = tableName;
            this.hooks = hooks;
        }

        public String tableName() {
            return tableName;
        }

        public List<Hook> hooks() {
            return List.of(hooks);
        }

        public boolean has(Hook h) {
            for (Hook x : hooks) {
                if (x == h) {
                    return true;
                }
            }
            return false;
        }

        public static Kind byName(String name) {
            for (Kind k : values()) {
                if (k.tableName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    final Kind kind;
    public final Chain[] builtin = new Chain[5];
    /**
     * User chains in strcmp order, as the nft backend lists them: a TreeMap while a transaction edits
     * the table, read only ({@link UserChains}) once it is compiled for commit.
     */
    public Map<String, Chain> user = new TreeMap<>();
    /** The order chains and rules are made in, every table's: a commit numbers what it adds in this order. */
    private static long made;
    /** The table's handle generator (nft's table->hgenerator): chains and rules share it; a fresh table starts at 1. */
    private long nextHandle = 1;

    /** A fresh table: built-in chains with ACCEPT policies, no rules. */
    public Table(Kind kind) {
        this.kind = kind;
        for (Hook h : kind.hooks) {
            builtin[h.ordinal()] = new Chain(h.name(), h, Verdict.ACCEPT);
        }
    }

    private Table(Kind kind, boolean empty) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return kind.tableName;
    }

    /** The chain called {@code name}, built-in or user-defined, or null. */
    public Chain chain(String name) {
        Hook h = Hook.byChainName(name);
        if (h != null && builtin[h.ordinal()] != null) {
            return builtin[h.ordinal()];
        }
        return user.get(name);
    }

    public Chain builtin(Hook h) {
        return builtin[h.ordinal()];
    }

    /** Built-in chains in hook order, then user chains in name order. */
    public List<Chain> chains() {
        List<Chain> list = new ArrayList<>();
        for (Chain c : builtin) {
            if (c != null) {
                list.add(c);
            }
        }
        list.addAll(user.values());
        return list;
    }

    Collection<Chain> userChains() {
        return user.values();
    }

    public Table copy() {
        Table t = new Table(kind, true);
        t.nextHandle = nextHandle;
        for (int i = 0; i < 5; i++) {
            if (builtin[i] != null) {
                t.builtin[i] = builtin[i].copy();
            }
        }
        for (Chain c : user.values()) {
            t.user.put(c.name, c.copy());
        }
        return t;
    }

    /**
     * Gives the chains iptables-nft has created by now and the new rules their handles, as the
     * kernel does at commit (nf_tables_newchain/newrule): chains first, then rules. iptables-nft
     * makes a built-in chain only once it is used (a rule, a policy, a restore's declaration).
     */
    public void assignHandles() {
        // Called after every command Docker runs (eight in each container's namespace for its resolver):
        // nothing is allocated or sorted unless more than one chain or rule is new.
        List<Chain> chains = null;
        List<Rule> rules = null;
        for (Chain c : builtin) {
            if (c != null && !unused(c)) {
                chains = newChain(c, chains);
                rules = newRules(c, rules);
            }
        }
        for (Chain c : user.values()) {
            chains = newChain(c, chains);
            rules = newRules(c, rules);
        }
        if (chains != null) {
            chains.sort(java.util.Comparator.comparingLong(c -> -c.handle)); // minus when made, until numbered
            for (Chain c : chains) {
                c.handle = nextHandle++;
            }
        }
        if (rules != null) {
            rules.sort(java.util.Comparator.comparingLong(r -> -r.handle));
            for (Rule r : rules) {
                r.handle = nextHandle++;
            }
        }
    }

    /** {@code c} added to {@code chains} (made on the first) when nft creates it at this commit. */
    private static List<Chain> newChain(Chain c, List<Chain> chains) {
        if (c.handle < 0 && (!c.builtin() || c.declared() || !c.rules.isEmpty() || c.policy != Verdict.ACCEPT)) {
            List<Chain> out = chains == null ? new ArrayList<>(2) : chains;
            out.add(c);
            return out;
        }
        return chains;
    }

    /** {@code c}'s rules without a handle yet added to {@code rules} (made on the first). */
    private static List<Rule> newRules(Chain c, List<Rule> rules) {
        List<Rule> out = rules;
        for (Rule r : c.rules) {
            if (r.handle < 0) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The built-in chains nft has not created (no rules, ACCEPT, never declared, so no handle): once
     * committed such a chain is never walked (its hook has nothing to do) nor changed (a transaction
     * edits a copy), so one per table kind and hook serves every table. A container's nat table has
     * two (PREROUTING and INPUT) beside the resolver's OUTPUT and POSTROUTING.
     */
    private static final Chain[][] UNUSED = new Chain[Kind.values().length][];

    static {
        for (Kind k : Kind.values()) {
            UNUSED[k.ordinal()] = new Table(k).builtin;
            for (Chain c : UNUSED[k.ordinal()]) {
                if (c != null) {
                    c.compile(null);
                }
            }
        }
    }

    /** Whether {@code c} is one of the shared unused built-in chains. */
    private boolean unused(Chain c) {
        return c == UNUSED[kind.ordinal()][c.hook.ordinal()];
    }

    /** After numbering at commit: the built-in chains nft has not created become the shared ones. */
    void shareUnused() {
        for (int i = 0; i < builtin.length; i++) {
            Chain c = builtin[i];
            if (c != null && c.handle < 0 && !c.declared() && c.rules.isEmpty() && c.policy == Verdict.ACCEPT
                    && c.policyPackets == 0 && c.policyBytes == 0) {
                builtin[i] = UNUSED[kind.ordinal()][i];
            }
        }
    }

    /** The next number in the order chains and rules are made in. */
    static synchronized long made() {
        return ++made;
    }

    /** Resolves jumps, counts references, and builds the arrays the packet path walks. */
    public void compile() {
        if (user instanceof TreeMap) {
            user = user.isEmpty() ? Map.of() : new UserChains(user);
        }
        List<Chain> all = chains();
        for (Chain c : all) {
            c.clearReferences();
        }
        for (Chain c : all) {
            c.compile(this);
            for (Chain j : c.jumps) {
                if (j != null) {
                    j.referenced();
                }
            }
        }
    }

    /** Whether any chain of the table does something at {@code hook} (its chain is not trivial). */
    public boolean active(Hook h) {
        Chain c = builtin[h.ordinal()];
        return c != null && !c.trivial();
    }

    public boolean needsConntrack() {
        for (Chain c : chains()) {
            for (Rule r : c.rules) {
                if (r.needsConntrack()) {
                    return true;
                }
            }
        }
        return false;
    }
}
