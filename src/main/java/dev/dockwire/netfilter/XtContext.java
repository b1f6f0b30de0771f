package dev.dockwire.netfilter;

/**
 * What a target may do beyond its packet (the kernel functions xt targets call): write to the
 * kernel log (LOG, MASQUERADE's complaint) and bind a new connection's NAT mapping
 * (nf_nat_setup_info, for SNAT, DNAT and MASQUERADE). Defined here, below the NAT room, as
 * {@code struct nf_nat_hook} is defined in netfilter's core, so the extensions need no NAT.
 */
public interface XtContext {
    /** A kernel log line ({@code dmesg}). */
    void log(String line);

    /**
     * nft_trace_packet for a packet marked by TRACE: {@code rule} of {@code chain} matched with
     * {@code verdict} (a jump or goto to {@code to} when not null), or with a null rule the
     * built-in chain's policy applied. Only called while {@link NfPacket#nfTrace} is set.
     */
    void trace(Chain chain, Rule rule, int verdict, Chain to);

    /**
     * nf_nat_setup_info: maps connection {@code ct} for manip type {@link NatRange#MANIP_SRC} or
     * {@link NatRange#MANIP_DST} within {@code range}; returns the verdict (DROP when no tuple is free).
     */
    int natSetup(Conn ct, NatRange range, int maniptype);
}
