package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Tables;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.xt.XtAddrtype;
import dev.dockwire.netfilter.xt.XtablesException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to one table, applied to a copy and installed on {@link #commit(int)} (nft's batch, or
 * libiptc's commit): the rule and chain commands with the errors iptables reports for them, then
 * the kernel's checks at commit: every jump has its chain, no chain loops, each target and
 * match runs only in its table and at its hooks.
 */
final class XtTransaction {
    private static final String NO_CHAIN = "No chain/target/match by that name.";
    private final Tables owner;
    final Table table;

    XtTransaction(Tables owner, Table table) {
        this.owner = owner;
        this.table = table;
    }

    /**
     * A transaction on table {@code name} of {@code tables}: on a copy of it, or on a fresh one
     * when {@code flush} (iptables-restore without --noflush) or when it does not exist yet.
     */
    static XtTransaction begin(Tables tables, String name, boolean flush) {
        Table.Kind k = Table.Kind.byName(name);
        if (k == null) {
            throw new XtablesException(XtablesException.Kind.VERSION,
                    "table '" + name + "' does not exist\nPerhaps iptables or your kernel needs to be upgraded.");
        }
        Table cur = tables.table(k);
        return new XtTransaction(tables, flush || cur == null ? new Table(k) : cur.copy());
    }

    private Chain chain(String name) {
        Chain c = table.chain(name);
        if (c == null) {
            throw XtablesException.resource(NO_CHAIN);
        }
        return c;
    }

    /** Runs one parsed rule or chain command. */
    void apply(XtCommand cmd, int line, String op) {
        Rule r = cmd.rule();
        if (r != null) {
            r.origin(line, op);
        }
        switch (cmd.command()) {
            case XtCommand.APPEND -> chain(cmd.chain()).rules.add(r);
            case XtCommand.INSERT -> {
                Chain c = chain(cmd.chain());
                if (cmd.rulenum() > c.rules.size() + 1) {
                    throw XtablesException.resource("Index of insertion too big.");
                }
                c.rules.add(cmd.rulenum() - 1, r);
            }
            case XtCommand.REPLACE -> {
                Chain c = chain(cmd.chain());
                if (cmd.rulenum() > c.rules.size()) {
                    throw XtablesException.resource("Index of replacement too big.");
                }
                c.rules.set(cmd.rulenum() - 1, r);
            }
            case XtCommand.DELETE -> {
                Chain c = chain(cmd.chain());
                if (r == null) {
                    if (cmd.rulenum() > c.rules.size()) {
                        throw XtablesException.resource("Index of deletion too big.");
                    }
                    c.rules.remove(cmd.rulenum() - 1);
                } else {
                    int i = find(c, r);
                    if (i < 0) {
                        throw XtablesException.resource("Bad rule (does a matching rule exist in that chain?).");
                    }
                    c.rules.remove(i);
                }
            }
            case XtCommand.CHECK -> {
                if (find(chain(cmd.chain()), r) < 0) {
                    throw XtablesException.resource("Bad rule (does a matching rule exist in that chain?).");
                }
            }
            case XtCommand.FLUSH -> {
                if (cmd.chain() == null) {
                    table.chains().forEach(c -> c.rules.clear());
                } else {
                    chain(cmd.chain()).rules.clear();
                }
            }
            case XtCommand.ZERO -> zero(cmd.chain(), cmd.rulenum());
            case XtCommand.NEW_CHAIN -> {
                if (table.chain(cmd.chain()) != null) {
                    throw XtablesException.resource("Chain already exists.");
                }
                table.user.put(cmd.chain(), new Chain(cmd.chain(), null, Verdict.RETURN));
            }
            case XtCommand.DELETE_CHAIN -> deleteChain(cmd.chain(), line);
            case XtCommand.RENAME_CHAIN -> {
                Chain c = table.user.get(cmd.chain());
                if (c == null) {
                    throw XtablesException.resource(NO_CHAIN);
                }
                if (table.chain(cmd.arg()) != null) {
                    throw XtablesException.resource("File exists.");
                }
                table.user.remove(c.name);
                c.name = cmd.arg();
                table.user.put(c.name, c);
                renameJumps(cmd.chain(), cmd.arg());
            }
            case XtCommand.POLICY -> {
                Chain c = table.chain(cmd.chain());
                if (c == null || !c.builtin()) {
                    throw XtablesException.resource("Bad built-in chain name.");
                }
                policy(c, cmd.arg(), cmd.counters());
            }
            default -> throw new IllegalArgumentException("not a table command: -" + cmd.command());
        }
    }

    static void policy(Chain c, String name, long[] counters) {
        switch (name) {
            case "ACCEPT" -> c.policy = Verdict.ACCEPT;
            case "DROP" -> c.policy = Verdict.DROP;
            default -> throw XtablesException.resource("Bad policy name. Run `dmesg' for more information.");
        }
        if (counters != null) {
            c.policyPackets = counters[0];
            c.policyBytes = counters[1];
        }
    }

    private static int find(Chain c, Rule r) {
        for (int i = 0; i < c.rules.size(); i++) {
            if (c.rules.get(i).spec().equals(r.spec())) {
                return i;
            }
        }
        return -1;
    }

    private void zero(String name, int rulenum) {
        List<Chain> chains = name == null ? table.chains() : List.of(chain(name));
        for (Chain c : chains) {
            if (rulenum > 0) {
                if (rulenum <= c.rules.size()) {
                    Rule r = c.rules.get(rulenum - 1);
                    r.packets = 0;
                    r.bytes = 0;
                }
                continue;
            }
            c.policyPackets = 0;
            c.policyBytes = 0;
            for (Rule r : c.rules) {
                r.packets = 0;
                r.bytes = 0;
            }
        }
    }

    private void deleteChain(String name, int line) {
        Map<String, Integer> refs = references();
        if (name == null) {
            for (Chain c : List.copyOf(table.user.values())) {
                if (refs.getOrDefault(c.name, 0) == 0) {
                    table.user.remove(c.name);
                }
            }
            return;
        }
        Chain c = table.chain(name);
        if (c == null) {
            throw XtablesException.resource(NO_CHAIN);
        }
        if (c.builtin()) {
            // nft deletes an empty base chain; it comes back with the defaults when next used.
            if (!c.rules.isEmpty()) {
                throw new XtablesException(XtablesException.Kind.KERNEL,
                        "CHAIN_DEL failed (Device or resource busy): chain " + name, line);
            }
            c.policy = Verdict.ACCEPT;
            c.policyPackets = 0;
            c.policyBytes = 0;
            return;
        }
        if (refs.getOrDefault(name, 0) > 0) {
            throw new XtablesException(XtablesException.Kind.KERNEL,
                    "CHAIN_DEL failed (Device or resource busy): chain " + name, line);
        }
        if (!c.rules.isEmpty()) {
            throw XtablesException.resource("Directory not empty.");
        }
        table.user.remove(name);
    }

    private Map<String, Integer> references() {
        Map<String, Integer> refs = new HashMap<>();
        for (Chain c : table.chains()) {
            for (Rule r : c.rules) {
                if (r.jump != null) {
                    refs.merge(r.jump, 1, Integer::sum);
                }
            }
        }
        return refs;
    }

    private void renameJumps(String from, String to) {
        for (Chain c : table.chains()) {
            for (int i = 0; i < c.rules.size(); i++) {
                Rule r = c.rules.get(i);
                if (from.equals(r.jump)) {
                    Rule n = new Rule(r.ip, r.matches, r.target, r.verdict, to, r.isGoto());
                    n.packets = r.packets;
                    n.bytes = r.bytes;
                    c.rules.set(i, n);
                }
            }
        }
    }

    /**
     * Validates and installs the table. {@code commitLine} is the line a jump error is reported at
     * (the COMMIT of iptables-restore).
     */
    void commit(int commitLine) {
        for (Chain c : table.chains()) {
            for (Rule r : c.rules) {
                if (r.jump != null && (table.user.get(r.jump) == null)) {
                    if (r.jump.equals("QUEUE")) {
                        throw new XtablesException(XtablesException.Kind.KERNEL,
                                r.op() + " failed (No such file or directory): rule in chain " + c.name, r.line());
                    }
                    throw new XtablesException(XtablesException.Kind.PARAMETER,
                            "Chain '" + r.jump + "' does not exist", commitLine);
                }
            }
        }
        Map<String, Integer> reach = reach();
        for (Chain c : table.chains()) {
            int hooks = c.builtin() ? c.hook.mask() : reach.getOrDefault(c.name, 0);
            for (Rule r : c.rules) {
                if (!allowed(r, hooks)) {
                    throw new XtablesException(XtablesException.Kind.KERNEL,
                            r.op() + " failed (Invalid argument): rule in chain " + c.name, r.line());
                }
            }
        }
        table.compile();
        owner.install(table);
    }

    private boolean allowed(Rule r, int hooks) {
        if (r.target != null) {
            if (r.target.table() != null && !r.target.table().equals(table.name())) {
                return false;
            }
            if ((hooks & ~r.target.hooks()) != 0) {
                return false;
            }
            try {
                r.target.check(r.ip);
            } catch (XtablesException e) {
                return false;
            }
        }
        for (Match m : r.matches) {
            if (m instanceof XtAddrtype a && (hooks & ~a.hooks()) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hooks each user chain is reached from; a jump loop is the kernel's ELOOP. Like the
     * kernel's mark_source_chains (net/ipv4/netfilter/ip_tables.c) each chain is entered once per
     * new hook bit, not once per path, so a chain jumped to from a thousand rules (Docker's
     * DOCKER-ISOLATION-STAGE-2 with a thousand networks) is walked a few times, not a thousand.
     */
    private Map<String, Integer> reach() {
        java.util.Set<Chain> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Chain b : table.chains()) {
            if (b.builtin()) {
                loops(b, done, new java.util.ArrayDeque<>());
            }
        }
        for (Chain u : table.user.values()) {
            loops(u, done, new java.util.ArrayDeque<>());
        }
        Map<String, Integer> reach = new HashMap<>();
        for (Chain b : table.chains()) {
            if (b.builtin()) {
                mark(b, b.hook.mask(), reach);
            }
        }
        return reach;
    }

    /**
     * Depth first from {@code c}, throwing at the first jump back into the path; a chain already
     * searched to its end ({@code done}) holds no loop through the path, so it is not searched again.
     */
    private void loops(Chain c, java.util.Set<Chain> done, java.util.Deque<Chain> path) {
        if (path.contains(c)) {
            Rule closing = null;
            Chain last = path.peekLast();
            for (Rule r : last.rules) {
                if (c.name.equals(r.jump)) {
                    closing = r;
                }
            }
            throw new XtablesException(XtablesException.Kind.KERNEL, (closing == null ? "RULE_APPEND" : closing.op())
                    + " failed (Too many links): rule in chain " + last.name,
                    closing == null ? 0 : closing.line());
        }
        if (done.contains(c)) {
            return;
        }
        path.addLast(c);
        for (Rule r : c.rules) {
            if (r.jump != null) {
                loops(table.user.get(r.jump), done, path);
            }
        }
        path.removeLast();
        done.add(c);
    }

    /** Adds {@code hooks} to what each chain {@code c} jumps to reaches, going on only where a bit is new (no loops are left). */
    private void mark(Chain c, int hooks, Map<String, Integer> reach) {
        for (Rule r : c.rules) {
            if (r.jump != null) {
                Chain j = table.user.get(r.jump);
                int before = reach.getOrDefault(j.name, 0);
                if ((before | hooks) != before || !reach.containsKey(j.name)) {
                    reach.put(j.name, before | hooks);
                    mark(j, hooks, reach);
                }
            }
        }
    }
}
