package dev.dockwire.netfilter;

import dev.dockwire.link.LinkProbe;

/**
 * Netfilter's tracepoints: each hook a packet passes, each table that decided at it, and the rule
 * that decided (as {@code nf_trace} makes the kernel report them to {@code TRACE} and
 * {@code nftrace}), with the connection the packet belongs to and what NAT made of it. The
 * recorder reads the {@link NfPacket}: the hook, devices, addresses and ports before and after,
 * {@link NfPacket#ct} and {@link NfPacket#ctinfo}, and the deciding rule
 * ({@link NfPacket#verdictChain}, {@link NfPacket#verdictRule}). Every method is empty in
 * {@link #OFF}.
 */
public interface NfProbe extends LinkProbe {
    /** The probe that records nothing. */
    NfProbe OFF = new NfProbe() { };

    /** {@code p} enters its hook ({@link NfPacket#hook}), before any table: its addresses are still the ones it came with. */
    default void hookEntry(NfPacket p) {
    }

    /** Table {@code t} gave {@code verdict} for {@code p} at its hook; the deciding rule is on {@code p}. */
    default void table(NfPacket p, Table t, int verdict) {
    }

    /** {@code p} leaves its hook with {@code verdict} (NF_ACCEPT or NF_DROP); NAT has rewritten it if it was to. */
    default void hookExit(NfPacket p, int verdict) {
    }
}
