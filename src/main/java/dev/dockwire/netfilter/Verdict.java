package dev.dockwire.netfilter;

/**
 * Verdicts as the kernel encodes them: the hook verdicts {@code NF_DROP}, {@code NF_ACCEPT},
 * {@code NF_STOLEN}, and the x_tables pseudo-verdicts {@code XT_CONTINUE} (a non-terminal target
 * such as LOG) and {@code XT_RETURN}.
 */
public final class Verdict {
    public static final int DROP = 0;
    public static final int ACCEPT = 1;
    public static final int STOLEN = 2;
    /** XT_RETURN ({@code -NF_REPEAT - 1}). */
    public static final int RETURN = -5;
    /** XT_CONTINUE: go on with the next rule. */
    public static final int CONTINUE = -1;

    private Verdict() {
    }

    /** The policy name iptables prints. */
    public static String name(int verdict) {
        return switch (verdict) {
            case DROP -> "DROP";
            case ACCEPT -> "ACCEPT";
            case RETURN -> "RETURN";
            default -> throw new IllegalArgumentException("verdict " + verdict);
        };
    }
}
