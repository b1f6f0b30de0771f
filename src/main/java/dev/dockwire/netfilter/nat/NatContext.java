package dev.dockwire.netfilter.nat;

import dev.dockwire.netfilter.NfPacket;

/**
 * What NAT asks of the netfilter instance it runs in: the nat table's verdict for a connection's
 * first packet at a hook (the ipt_do_table call of iptable_nat's hook ops), whose SNAT, DNAT or
 * MASQUERADE target binds the mapping. Narrow on purpose: NAT never sees the other tables.
 */
@FunctionalInterface
public interface NatContext {
    /** Runs the nat table's chain at {@code hook} over {@code p}; returns the verdict. */
    int natTable(NfPacket p, int hook);
}
