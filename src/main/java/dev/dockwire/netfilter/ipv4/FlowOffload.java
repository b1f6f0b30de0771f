package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.FlowWalks;
import dev.dockwire.netfilter.NatRange;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.netfilter.nat.Nat;
import dev.dockwire.netfilter.nat.NatRewrite;
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
 * rewrite as the hooks' (Nat.ports), its checksum sums made once ({@link NatRewrite}). Made by
 * {@link Netfilter#flowOffload}.
 */
final class FlowOffload implements NfFlow {
    final Netfilter owner;
    private final Conntrack conntrack;
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
    /** PRE_ROUTING's DNAT and POST_ROUTING's SNAT of the flow's packets, each null when not done; their objects are kept for the next recording. */
    NatRewrite dnat;
    NatRewrite snat;
    private NatRewrite dnatRewrite;
    private NatRewrite snatRewrite;
    /** What {@link #dnat} and {@link #snat} add to the IPv4 header's checksum ({@link #ipHeaderSum}). */
    private long ipSum;
    NetDevice in;
    NetDevice out;
    String inName;
    String outName;

    FlowOffload(Netfilter owner, Conntrack conntrack) {
        this.owner = owner;
        this.conntrack = conntrack;
    }

    /** Records which NAT rewrites the flow's packets get (nf_nat_packet's test for each manip type). */
    void nat(boolean dnatHere, boolean snatHere) {
        Conn c = ct;
        int o = 1 - dir;
        if (dnatHere) {
            if (dnatRewrite == null) {
                dnatRewrite = new NatRewrite();
            }
            dnat = Nat.rewrite(dnatRewrite, c, o, NatRange.MANIP_DST, dst, dport);
        } else {
            dnat = null;
        }
        if (snatHere) {
            if (snatRewrite == null) {
                snatRewrite = new NatRewrite();
            }
            snat = Nat.rewrite(snatRewrite, c, o, NatRange.MANIP_SRC, src, sport);
        } else {
            snat = null;
        }
        ipSum = (dnat == null ? 0 : dnat.ipSum()) + (snat == null ? 0 : snat.ipSum());
    }

    @Override
    public long ipHeaderSum() {
        return ipSum;
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
        NatRewrite d = dnat;
        if (d != null) {
            d.applyLeavingIpChecksum(packet, packet.readerIndex());
        }
        return true;
    }

    @Override
    public void leave(ByteBuf packet) {
        int off = packet.readerIndex();
        walks.count(Ipv4Packet.totalLength(packet, off));
        NatRewrite s = snat;
        if (s != null) {
            s.applyLeavingIpChecksum(packet, off);
        }
    }
}
