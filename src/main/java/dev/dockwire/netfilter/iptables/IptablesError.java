package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.xt.XtablesException;

/** A failed run of iptables or iptables-restore: what it printed on stderr and its exit status. */
public final class IptablesError extends RuntimeException {
    private final int status;

    public IptablesError(String stderr, int status) {
        super(stderr, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static final String VERSION = "v1.8.9 (nf_tables)";

    /** How {@code iptables} reports an error. */
    static IptablesError iptables(XtablesException e) {
        String m = e.getMessage();
        String text = switch (e.kind()) {
            case PARAMETER -> "iptables " + VERSION + ": " + m + "\nTry `iptables -h' or 'iptables --help' for more information.";
            case BARE -> m + "\nTry `iptables -h' or 'iptables --help' for more information.";
            case RESOURCE -> "iptables: " + m;
            case KERNEL -> "iptables " + VERSION + ":  " + m;
            case VERSION -> "iptables " + VERSION + ": " + m;
        };
        return new IptablesError(text, e.status());
    }

    /** How {@code iptables-restore} reports an error at {@code line}. */
    static IptablesError restore(XtablesException e, int line) {
        int n = e.line() != 0 ? e.line() : line;
        String m = e.getMessage();
        String tryHelp = "\nError occurred at line: " + n
                + "\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.";
        String text = switch (e.kind()) {
            case PARAMETER, VERSION -> "iptables-restore " + VERSION + ": " + m + tryHelp;
            case BARE -> m + tryHelp;
            case RESOURCE -> "iptables-restore: line " + n + " failed: " + m;
            case KERNEL -> "iptables-restore " + VERSION + ": \nline " + n + ": " + m;
        };
        return new IptablesError(text, e.status());
    }
}
