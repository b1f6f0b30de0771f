package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.FlowWalks;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * The netfilter half of one direction of a locally sent UDP flow without NAT ({@link NfFlow}, made by
 * {@link Netfilter#localFlow}): what LOCAL_OUT and POST_ROUTING did for its last datagram, for a
 * tunnel's cached output (a vxlan_rdst's dst_cache) to do again for the next one in one step. The
 * kernel walks its hooks for every datagram; the step does all they do that one can observe:
 * {@link #enter} finds the connection still as recorded and refreshes it as conntrack's lookup at
 * LOCAL_OUT does (Conntrack.udpFound), {@link #leave} counts the rules and policies the recorded walks
 * counted (nat's OUTPUT and POSTROUTING chains are walked only for a connection's first packet, and
 * confirming a confirmed connection that raised no event does nothing). It holds while the tables'
 * commit generation, the connection's status (DYING once killed or flushed) and the output device's
 * name (what {@code -o} compares) are those recorded.
 */
final class LocalFlow implements NfFlow {
    private final Netfilter owner;
    private final Conntrack conntrack;
    private final FlowWalks walks = new FlowWalks();
    private Conn ct;
    private int src;
    private int dst;
    private int ports;
    private int status;
    private int generation;
    private NetDevice out;
    private String outName;
    /** Whether {@link #walks} count anything (Docker's OUTPUT and POSTROUTING walk no rule for an established flow). */
    private boolean counts;

    LocalFlow(Netfilter owner, Conntrack conntrack) {
        this.owner = owner;
        this.conntrack = conntrack;
    }

    /** The replay kept with direction {@code dir} of {@code c}, made (and kept there) when it has none. */
    static LocalFlow of(Netfilter owner, Conntrack conntrack, Conn c, int dir) {
        if (c.flow(dir) instanceof LocalFlow f) {
            return f;
        }
        LocalFlow f = new LocalFlow(owner, conntrack);
        c.flow(dir, f);
        return f;
    }

    /** Records the flow's datagram as it left LOCAL_OUT's conntrack ({@code c} as it is now), its device and the walks it made. */
    LocalFlow record(Conn c, int src, int dst, int ports, int generation, NetDevice out, FlowWalks walks) {
        this.ct = c;
        this.src = src;
        this.dst = dst;
        this.ports = ports;
        this.status = c.status;
        this.generation = generation;
        this.out = out;
        this.outName = out.name();
        this.walks.copy(walks);
        this.counts = !walks.isEmpty();
        return this;
    }

    @Override
    public int protocol() {
        return IpProtocol.UDP;
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
        return ports >>> 16;
    }

    @Override
    public int dport() {
        return ports & 0xFFFF;
    }

    /** LOCAL_OUT's connection refresh, when nothing the recorded outcome depended on changed; the packet is not read. */
    @Override
    public boolean enter(ByteBuf packet) {
        Conn c = ct;
        return owner.generation() == generation && c.status == status && c.events == 0 && out.name() == outName
                && conntrack.udpFound(c);
    }

    /** The rule and policy counters of the walks, for the datagram whose IPv4 header is at the reader index. */
    @Override
    public void leave(ByteBuf packet) {
        if (counts) {
            walks.count(Ipv4Packet.totalLength(packet, packet.readerIndex()));
        }
    }

    @Override
    public long ipHeaderSum() {
        return 0;
    }
}
