package dev.dockwire.netfilter;

/**
 * One parsed iptables command line ({@code struct iptables_command_state} plus do_parse's
 * results): the command letter, table, chain, rule number, the rule for rule commands, a policy or
 * new chain name, listing options and {@code -c} counters.
 */
record XtCommand(char command, String table, String chain, int rulenum, String arg, Rule rule,
                 boolean verbose, boolean numeric, boolean exact, boolean lineNumbers, boolean zero,
                 long[] counters) {
    static final char APPEND = 'A';
    static final char INSERT = 'I';
    static final char DELETE = 'D';
    static final char REPLACE = 'R';
    static final char CHECK = 'C';
    static final char LIST = 'L';
    static final char LIST_RULES = 'S';
    static final char FLUSH = 'F';
    static final char ZERO = 'Z';
    static final char NEW_CHAIN = 'N';
    static final char DELETE_CHAIN = 'X';
    static final char RENAME_CHAIN = 'E';
    static final char POLICY = 'P';
}
