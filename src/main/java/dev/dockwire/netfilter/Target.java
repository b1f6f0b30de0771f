package dev.dockwire.netfilter;

/**
 * A target extension ({@code struct xt_target} with its parsed data): ACCEPT, DROP, RETURN and
 * jumps are standard verdicts kept in the {@link Rule}; everything else (REJECT, DNAT, SNAT,
 * MASQUERADE, LOG) is a Target.
 */
public interface Target {
    /** The name given to {@code -j}. */
    String name();

    /** xt_target.target: a verdict ({@link Verdict#ACCEPT}, {@link Verdict#DROP}, {@link Verdict#CONTINUE}). */
    int target(NfPacket p, XtContext ctx);

    /** The options after {@code -j NAME} in iptables-save form, each with a leading space. */
    void save(StringBuilder sb);

    /** The text {@code iptables -L} appends (xt_target.print), with a leading space. */
    void print(StringBuilder sb, boolean numeric);

    /** The table this target is restricted to (xt_target.table), or null for any. */
    default String table() {
        return null;
    }

    /** The hooks the target may run at (xt_target.hooks), as a {@link Hook#mask()} set. */
    default int hooks() {
        return 0x1F;
    }

    /**
     * xt_target.checkentry: the kernel's extra check of a rule; throws the kernel's refusal.
     * {@code ip} is the rule's header match.
     */
    default void check(IpHeaderMatch ip) {
    }
}
