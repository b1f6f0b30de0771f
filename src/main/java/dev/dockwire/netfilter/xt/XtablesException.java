package dev.dockwire.netfilter.xt;

/**
 * A failed iptables command, with what the real tool prints and its exit status. {@link Kind}
 * says how iptables words it: a parameter problem is {@code iptables v1.8.9 (nf_tables): MSG}
 * followed by the "Try `iptables -h'" hint, a bare message is printed as it is (such as
 * {@code Bad argument `x'}), a rule set rejected by the kernel (libiptc/nft cache check) is
 * {@code iptables: MSG.}, and a batch the kernel refused is the nft backend's report.
 */
public final class XtablesException extends RuntimeException {
    /** How the message is framed. */
    public enum Kind {
        /** xtables_error(PARAMETER_PROBLEM, ...): exit 2. */
        PARAMETER,
        /** Printed without the program/version prefix (fprintf before exit_tryhelp): exit 2. */
        BARE,
        /** The rule set operation failed (nft_strerror): exit 1. */
        RESOURCE,
        /** The kernel refused the nft batch (mnl_batch error): exit 4. */
        KERNEL,
        /** xtables_error(VERSION_PROBLEM, ...): exit 3. */
        VERSION,
    }

    private final Kind kind;
    private final int line;

    public XtablesException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public XtablesException(Kind kind, String message, int line) {
        super(message, null, false, false);
        this.kind = kind;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    /** The input line (iptables-restore) the error belongs to, or 0. */
    public int line() {
        return line;
    }

    public int status() {
        return switch (kind) {
            case PARAMETER, BARE -> 2;
            case RESOURCE -> 1;
            case KERNEL -> 4;
            case VERSION -> 3;
        };
    }

    public static XtablesException param(String message) {
        return new XtablesException(Kind.PARAMETER, message);
    }

    public static XtablesException resource(String message) {
        return new XtablesException(Kind.RESOURCE, message);
    }
}
