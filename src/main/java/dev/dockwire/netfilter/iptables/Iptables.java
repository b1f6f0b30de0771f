package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.Tables;
import dev.dockwire.netfilter.xt.XtablesException;
import java.util.List;

/**
 * The table-changing commands of {@code iptables} ({@code -A -I -D -R -C -F -Z -N -X -E -P}), run
 * as one transaction each, reporting errors with iptables' wording and exit status. Listing
 * ({@code -L}, {@code -S}) is rendered by the tools from iptables-save output.
 */
public final class Iptables {
    private Iptables() {
    }

    /** A table-changing {@code iptables} command on {@code tables}; throws with iptables' report. */
    public static void run(Tables tables, List<String> argv) {
        try {
            XtCommand cmd = XtablesParser.parse(argv, false, null);
            if (cmd.command() == XtCommand.LIST || cmd.command() == XtCommand.LIST_RULES) {
                throw new IllegalArgumentException("iptables -" + cmd.command() + " lists; render it from iptables-save");
            }
            XtTransaction tx = XtTransaction.begin(tables, cmd.table(), false);
            String op = switch (cmd.command()) {
                case XtCommand.INSERT -> "RULE_INSERT";
                case XtCommand.REPLACE -> "RULE_REPLACE";
                default -> "RULE_APPEND";
            };
            tx.apply(cmd, 0, op);
            boolean changesNothing = cmd.command() == XtCommand.CHECK || tables.table(cmd.table()) == null
                    && (cmd.command() == XtCommand.FLUSH || cmd.command() == XtCommand.ZERO
                    || cmd.command() == XtCommand.DELETE_CHAIN);
            if (!changesNothing) {
                tx.commit(0);
            }
        } catch (XtablesException e) {
            throw IptablesError.iptables(e);
        }
    }

    /**
     * Several table-changing commands as the separate commands Docker runs, in one transaction per run of commands
     * on the same table: each command's new chains and rules get the handles its own commit would give them
     * (nf_tables numbers them at each commit), and the table is checked and installed once at the end of the run
     * rather than copied and checked for every command. The first failure throws; its run is not installed.
     */
    public static void runAll(Tables tables, List<List<String>> commands) {
        try {
            XtTransaction tx = null;
            String table = null;
            for (List<String> argv : commands) {
                XtCommand cmd = XtablesParser.parse(argv, false, null);
                if (!cmd.table().equals(table)) {
                    if (tx != null) {
                        tx.commit(0);
                    }
                    table = cmd.table();
                    tx = XtTransaction.begin(tables, table, false);
                }
                tx.apply(cmd, 0, cmd.command() == XtCommand.INSERT ? "RULE_INSERT" : "RULE_APPEND");
                tx.table.assignHandles();
            }
            if (tx != null) {
                tx.commit(0);
            }
        } catch (XtablesException e) {
            throw IptablesError.iptables(e);
        }
    }
}
