package dev.dockwire.netfilter;

/**
 * A match extension of a rule ({@code struct xt_match} with its parsed data): tests a packet and
 * renders itself the way {@code iptables-save} ({@code -m NAME OPTIONS}) and {@code iptables -L}
 * print it.
 */
public interface Match {
    /** The extension name given to {@code -m}. */
    String name();

    /** xt_match.match: does the packet match? Sets {@link NfPacket#hotdrop} on a truncated header. */
    boolean matches(NfPacket p);

    /** The options after {@code -m NAME} in iptables-save form, each with a leading space. */
    void save(StringBuilder sb);

    /** The text {@code iptables -L} appends (xt_match.print), with a leading space. */
    void print(StringBuilder sb, boolean numeric);

    /**
     * Whether the answer depends on nothing but the packet's tuple (protocol, addresses, ports), its
     * devices and its conntrack state and status bits, so that the next packet of the flow with these
     * gets the same answer ({@link WalkMemo}); not a match that counts, reads other headers or state.
     */
    default boolean flowInvariant() {
        return false;
    }

    /** Whether the match reads conntrack state (loading it needs nf_conntrack). */
    default boolean needsConntrack() {
        return false;
    }
}
