package dev.dockwire.netfilter.ipv4;

import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.FlowWalks;
import dev.dockwire.netfilter.IptDoTable;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.wire.IpProtocol;
import io.netty.buffer.ByteBuf;

/**
 * What {@link Netfilter} records of one packet's hooks for the replays of its flow's next packets: the
 * packet's tuple as it came in (before NAT), its connection and that connection's status after tracking,
 * the counters its table walks incremented (PRE_ROUTING's kept apart when it goes on to LOCAL_IN); and
 * the replays made from it: a forwarded flow's ({@link FlowOffload}), a sent one's ({@link LocalFlow}) and
 * a received one's ({@link LocalInFlows}). Netfilter says when a recording starts, holds and ends.
 */
final class HookRecording {
    private int src;
    private int dst;
    private int sport;
    private int dport;
    private Conn ct;
    private int status;
    private final FlowWalks walks = new FlowWalks();
    private final FlowWalks preWalks = new FlowWalks();

    /** Starts recording the hooks of {@code p} at PRE_ROUTING or LOCAL_OUT: whether it may be replayed (UDP of a tracked flow). */
    boolean start(NfPacket p, boolean track) {
        if (!track || p.protocol != IpProtocol.UDP || p.sport < 0) {
            return false;
        }
        src = p.src;
        dst = p.dst;
        sport = p.sport;
        dport = p.dport;
        walks.clear();
        return true;
    }

    /** After conntrack: whether the packet's connection is confirmed, found in the hash, and its tracking raised no event (changed no status bit). */
    boolean tracked(NfPacket p) {
        Conn c = p.ct;
        if (c == null || !c.confirmed() || c.events != 0 || p.ctSeen) {
            return false;
        }
        if (ct != c) {
            ct = c; // stored only when it changes: a reference store costs G1 a card mark
        }
        status = c.status;
        return true;
    }

    /** Adds the walk {@code ipt} just made: whether it can be replayed. */
    boolean add(IptDoTable ipt) {
        return walks.add(ipt);
    }

    /** At LOCAL_IN: PRE_ROUTING's walks kept apart, LOCAL_IN's recorded on their own. */
    void enterLocalIn() {
        preWalks.copy(walks);
        walks.clear();
    }

    /** Whether {@code p}, the packet context, is still the recorded packet {@code packet}, its connection as tracking left it and untraced. */
    boolean holds(NfPacket p, ByteBuf packet) {
        Conn c = ct;
        return p != null && c != null && p.buf == packet && p.ct == c && !p.nfTrace && c.status == status && c.events == 0;
    }

    /** The connection of the recording (valid once {@link #tracked}). */
    Conn conn() {
        return ct;
    }

    /** The forwarded flow's step for {@code p}'s direction, refilled from the recording. */
    FlowOffload offload(Netfilter owner, Conntrack conntrack, NfPacket p, int generation, boolean nat) {
        Conn c = ct;
        int dir = CtInfo.dir(p.ctinfo);
        FlowOffload f = c.flow(dir) instanceof FlowOffload o ? o : null;
        if (f == null) {
            f = new FlowOffload(owner, conntrack);
            c.flow(dir, f);
        }
        f.protocol = IpProtocol.UDP;
        f.src = src;
        f.dst = dst;
        f.sport = sport;
        f.dport = dport;
        f.ct = c;
        f.dir = dir;
        f.status = c.status;
        f.generation = generation;
        f.nat(nat && Netfilter.rewrites(c, dir, true), nat && Netfilter.rewrites(c, dir, false));
        f.in = p.in;
        f.out = p.out;
        f.inName = p.in.name();
        f.outName = p.out.name();
        f.walks.copy(walks);
        return f;
    }

    /** The sent flow's step for {@code p}'s direction, refilled from the recording. */
    LocalFlow local(Netfilter owner, Conntrack conntrack, NfPacket p, int generation) {
        return LocalFlow.of(owner, conntrack, ct, CtInfo.dir(p.ctinfo)).record(ct, src, dst, sport << 16 | dport, generation,
                p.out, walks);
    }

    /** The received flow's entry in {@code flows}, refilled from the recording of {@code p}. */
    void localIn(LocalInFlows flows, NfPacket p, int generation) {
        flows.record(p.in, src, dst, sport << 16 | dport, ct, generation, preWalks, walks);
    }
}
