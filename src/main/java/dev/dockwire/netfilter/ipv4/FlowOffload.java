package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.FlowWalks;
import dev.dockwire.netfilter.NatRange;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.netfilter.nat.Nat;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * The netfilter half of one direction of an offloaded UDP flow ({@link NfFlow}; the kernel's
 * {@code flow_offload_tuple}, nf_flow_table_core.c): the connection and direction the last packet had,
 * its status then, the commit generation of the tables, the devices (and their names, which
 * {@code -i}/{@code -o} compare), the counters its table walks incremented ({@link FlowWalks}) and
 * which NAT rewrites it got. {@link #enter} and {@link #leave} do for the next packet what
 * {@link Netfilter}'s hooks would: the connection found and refreshed (Conntrack.udpFound), DNAT
 * where PRE_ROUTING does it, the rule and policy counters, SNAT where POST_ROUTING does it, each
 * rewrite by the same code (Nat.ports) as the hooks'. Made by {@link Netfilter#flowOffload}.
 */
final class FlowOffload implements NfFlow {
    final Netfilter owner;
    private final Conntrack conntrack;
    private final Nat nat;
    final FlowWalks walks = new FlowWalks();
    int protocol;
    int src;
    int dst;
    int sport;
    int dport;
    Conn ct;
    /** The direction of {@link #ct} the flow's packets travel (Conn.ORIGINAL or REPLY). */
    int dir;
    int status;
    int generation;
    boolean dnat;
    boolean snat;
    NetDevice in;
    NetDevice out;
    String inName;
    String outName;

    FlowOffload(Netfilter owner, Conntrack conntrack, Nat nat) {
        this.owner = owner;
        this.conntrack = conntrack;
        this.nat = nat;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public int src() {
        return src;
    }

    @Override
    public int dst() {
        return dst;
    }

    @Override
    public int sport() {
        return sport;
    }

    @Override
    public int dport() {
        return dport;
    }

    @Override
    public boolean enter(ByteBuf packet) {
        Conn c = ct;
        // The status holds every bit a walk's ctstate/ctstatus match or NAT reads (DYING once killed or
        // flushed); the names what -i/-o compare; udpFound refuses what would change the status.
        if (owner.generation() != generation || c.status != status || c.events != 0
                || in.name() != inName || out.name() != outName || !conntrack.udpFound(c)) {
            return false;
        }
        if (dnat) {
            int off = packet.readerIndex();
            nat.ports(packet, off, off + Ipv4Packet.MIN_HEADER_LENGTH, off + Ipv4Packet.totalLength(packet, off),
                    protocol, c, 1 - dir, NatRange.MANIP_DST, dst, dport);
        }
        return true;
    }

    @Override
    public void leave(ByteBuf packet) {
        int off = packet.readerIndex();
        int len = Ipv4Packet.totalLength(packet, off);
        walks.count(len);
        if (snat) {
            nat.ports(packet, off, off + Ipv4Packet.MIN_HEADER_LENGTH, off + len, protocol, ct, 1 - dir, NatRange.MANIP_SRC, src, sport);
        }
    }
}
