package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.xt.XtablesException;

/**
 * One parsed iptables command line ({@code struct iptables_command_state} plus do_parse's
 * results): the command letter, table, chain, rule number, the rule for rule commands, a policy or
 * new chain name, listing options and {@code -c} counters.
 */
public record XtCommand(char command, String table, String chain, int rulenum, String arg, Rule rule,
                 boolean verbose, boolean numeric, boolean exact, boolean lineNumbers, boolean zero,
                 long[] counters) {
    /** Parses an iptables command line; a bad one throws {@link IptablesError} with iptables' report. */
    public static XtCommand parse(java.util.List<String> argv) {
        try {
            return XtablesParser.parse(argv, false, null);
        } catch (XtablesException e) {
            throw IptablesError.iptables(e);
        }
    }

    public static final char APPEND = 'A';
    public static final char INSERT = 'I';
    public static final char DELETE = 'D';
    public static final char REPLACE = 'R';
    public static final char CHECK = 'C';
    public static final char LIST = 'L';
    public static final char LIST_RULES = 'S';
    public static final char FLUSH = 'F';
    public static final char ZERO = 'Z';
    public static final char NEW_CHAIN = 'N';
    public static final char DELETE_CHAIN = 'X';
    public static final char RENAME_CHAIN = 'E';
    public static final char POLICY = 'P';
}
