package dev.dockwire.netns;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.NfHooks;
import io.netty.buffer.ByteBuf;

/**
 * The hooks of a namespace whose netfilter setup waits for its first use
 * ({@link Namespace#netfilterOnFirstUse}): the first packet at any hook runs that setup, which
 * registers netfilter's own hooks (or none), and goes on through them. A decorator, so the packet
 * path asks nothing more of a namespace whose netfilter is loaded.
 */
final class NetfilterOnFirstUse implements NfHooks {
    private final Namespace ns;

    NetfilterOnFirstUse(Namespace ns) {
        this.ns = ns;
    }

    /** The hooks registered once the setup ran: netfilter's, or null when it has no work. */
    private NfHooks loaded() {
        ns.netfilter();
        NfHooks h = ns.nfHooks();
        return h == this ? null : h;
    }

    @Override
    public boolean defragments() {
        NfHooks h = loaded();
        return h != null && h.defragments();
    }

    @Override
    public boolean preRouting(NetDevice in, ByteBuf packet) {
        NfHooks h = loaded();
        return h == null || h.preRouting(in, packet);
    }

    @Override
    public boolean localIn(NetDevice in, ByteBuf packet) {
        NfHooks h = loaded();
        return h == null || h.localIn(in, packet);
    }

    @Override
    public boolean forward(NetDevice in, NetDevice out, ByteBuf packet) {
        NfHooks h = loaded();
        return h == null || h.forward(in, out, packet);
    }

    @Override
    public boolean localOut(NetDevice out, ByteBuf packet) {
        NfHooks h = loaded();
        return h == null || h.localOut(out, packet);
    }

    @Override
    public boolean postRouting(NetDevice in, NetDevice out, ByteBuf packet) {
        NfHooks h = loaded();
        return h == null || h.postRouting(in, out, packet);
    }

    @Override
    public NfFlow flowOffload(ByteBuf packet) {
        NfHooks h = loaded();
        return h == null ? null : h.flowOffload(packet);
    }

    @Override
    public NfFlow localFlow(ByteBuf packet) {
        NfHooks h = loaded();
        return h == null ? null : h.localFlow(packet);
    }
}
