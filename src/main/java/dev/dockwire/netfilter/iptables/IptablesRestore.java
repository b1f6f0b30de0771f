package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Tables;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.xt.XtablesException;
import java.util.ArrayList;
import java.util.List;

/**
 * iptables-restore (xtables-restore.c): {@code *TABLE} opens a table (flushed unless
 * {@code --noflush}), {@code :CHAIN POLICY [PKTS:BYTES]} sets a built-in chain's policy or
 * declares (or, with --noflush, flushes) a user chain, every other line is an iptables command
 * for that table, and {@code COMMIT} installs it; comments and blank lines are skipped. Errors are
 * reported with iptables-restore's wording and line number, and nothing of the failing table is
 * installed.
 */
public final class IptablesRestore {
    private IptablesRestore() {
    }

    /** {@code iptables-restore [--noflush] [--counters]} into {@code tables}; throws with its report. */
    public static void run(Tables tables, String text, boolean noflush, boolean counters) {
        run(tables, text, noflush, counters, false);
    }

    /** {@code iptables-restore --test}: parses only; throws with iptables-restore's report. */
    public static void test(String rules) {
        run(new Tables(), rules, false, false, true);
    }

    /** The tables an iptables-save text ({@code -c} or not) describes, for rendering listings. */
    public static Tables parse(String saveText) {
        Tables t = new Tables();
        run(t, saveText, false, true);
        return t;
    }

    /** With {@code test} (--test) the lines are only parsed: nothing is applied or committed. */
    static void run(Tables tables, String text, boolean noflush, boolean counters, boolean test) {
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        XtTransaction tx = null;
        String table = null;
        int n = 0;
        for (int i = 0; i < count; i++) {
            n = i + 1;
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            try {
                if (tx == null) {
                    if (line.charAt(0) != '*') {
                        throw new IptablesError("iptables-restore: line " + n + " failed", 1);
                    }
                    table = line.substring(1).trim();
                    if (Table.Kind.byName(table) == null) {
                        throw XtablesException.param("iptables-restore: line " + n + " table name '" + table + "' invalid");
                    }
                    tx = XtTransaction.begin(tables, table, !noflush);
                } else if (line.startsWith("COMMIT")) {
                    if (!test) {
                        tx.commit(n);
                    }
                    tx = null;
                } else if (line.charAt(0) == ':') {
                    if (!test) {
                        chainLine(tx, line, n, noflush, counters);
                    }
                } else {
                    ruleLine(test ? null : tx, table, line, n, counters);
                }
            } catch (XtablesException e) {
                throw IptablesError.restore(e, n);
            }
        }
        if (tx != null) {
            throw new IptablesError("iptables-restore: COMMIT expected at line " + (n + 1), 1);
        }
    }

    private static void chainLine(XtTransaction tx, String line, int n, boolean noflush, boolean counters) {
        String[] f = line.substring(1).trim().split("\\s+");
        String name = f[0];
        if (name.isEmpty()) {
            throw new IptablesError("iptables-restore: line " + n + " failed", 1);
        }
        if (name.length() >= 29) {
            throw XtablesException.param("Invalid chain name `" + name + "' (" + 28 + " chars max)");
        }
        if (f.length < 2) {
            throw new IptablesError("iptables-restore: line " + n + " failed", 1);
        }
        String policy = f[1];
        long[] c = null;
        if (counters && f.length > 2) {
            c = counters(f[2], n);
        }
        Chain chain = tx.table.chain(name);
        Hook h = Hook.byChainName(name);
        if (h != null && tx.table.builtin(h) != null) {
            chain.declare();
            if (!policy.equals("-")) {
                try {
                    XtTransaction.policy(chain, policy, c);
                } catch (XtablesException e) {
                    throw XtablesException.resource("Bad policy name.");
                }
            }
            return;
        }
        if (chain != null) {
            chain.rules.clear();
        } else {
            tx.table.user.put(name, new Chain(name, null, Verdict.RETURN));
        }
    }

    private static long[] counters(String field, int n) {
        if (!field.startsWith("[") || !field.endsWith("]") || field.indexOf(':') < 0) {
            throw new IptablesError("iptables-restore: line " + n + " failed", 1);
        }
        String[] pb = field.substring(1, field.length() - 1).split(":");
        try {
            return new long[] {Long.parseLong(pb[0]), Long.parseLong(pb[1])};
        } catch (RuntimeException e) {
            throw new IptablesError("iptables-restore: line " + n + " failed", 1);
        }
    }

    private static void ruleLine(XtTransaction tx, String table, String line, int n, boolean counters) {
        String rest = line;
        long[] c = null;
        if (line.charAt(0) == '[') {
            int end = line.indexOf(']');
            if (end < 0) {
                throw new IptablesError("iptables-restore: line " + n + " failed", 1);
            }
            if (counters) {
                c = counters(line.substring(0, end + 1), n);
            }
            rest = line.substring(end + 1);
        }
        List<String> argv = tokens(rest + "\n");
        if (argv.isEmpty()) {
            return;
        }
        XtCommand cmd = XtablesParser.parse(argv, true, table);
        if (c != null && cmd.rule() != null) {
            cmd.rule().packets = c[0];
            cmd.rule().bytes = c[1];
        }
        if (tx == null) {
            return;
        }
        String op = switch (cmd.command()) {
            case XtCommand.INSERT -> "RULE_INSERT";
            case XtCommand.REPLACE -> "RULE_REPLACE";
            default -> "RULE_APPEND";
        };
        tx.apply(cmd, n, op);
    }

    /** add_param_to_argv: words split on blanks, double quotes group and a backslash escapes inside them. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder param = new StringBuilder();
        boolean quoteOpen = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoteOpen) {
                if (escaped) {
                    param.append(c);
                    escaped = false;
                    continue;
                } else if (c == '\\') {
                    escaped = true;
                    continue;
                } else if (c == '"') {
                    quoteOpen = false;
                } else {
                    param.append(c);
                    continue;
                }
            } else if (c == '"') {
                quoteOpen = true;
                continue;
            }
            if (c == '"') {
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n') {
                if (param.length() == 0) {
                    continue;
                }
                out.add(param.toString());
                param.setLength(0);
                continue;
            }
            param.append(c);
        }
        if (param.length() > 0) {
            out.add(param.toString());
        }
        return out;
    }
}
