package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * The link layer's tracepoints: what a bridge decided for a frame, why a frame was dropped,
 * where a frame was encapsulated. The path calls them through a {@link dev.dockwire.sim.Tracepoint}
 * whose probe is {@link #OFF} (every method empty) unless a recorder listens; arguments are what the
 * path already holds, so a call allocates nothing. A frame's arrival on and departure from a device
 * are not here: a recorder wraps the devices' paths for those, as capture does.
 */
public interface LinkProbe {
    /** The probe that records nothing. */
    LinkProbe OFF = new LinkProbe() { };

    /** What br_handle_frame_finish / br_dev_xmit decided from the FDB for a frame's destination. */
    enum FdbDecision {
        /** To the bridge's own address: passed up to its stack. */
        LOCAL,
        /** The destination was learned on a port: forwarded there. */
        FORWARD,
        /** Unknown unicast, broadcast or multicast: flooded to every port. */
        FLOOD
    }

    /** {@code frame} arrived on {@code dev} (the {@code netif_receive_skb} tracepoint), before the taps. */
    default void netifReceive(NetDevice dev, ByteBuf frame) {
    }

    /** {@code frame} leaves {@code dev} for its driver (the {@code net_dev_xmit} tracepoint), after the qdisc. */
    default void netDevXmit(NetDevice dev, ByteBuf frame) {
    }

    /**
     * The bridge {@code br} chose where {@code frame} goes: {@code port} is the learned port for
     * {@link FdbDecision#FORWARD}, else null; {@code in} the port device it came in by (null when
     * the bridge's own stack sent it).
     */
    default void fdb(Bridge br, NetDevice in, ByteBuf frame, FdbDecision decision, NetDevice port) {
    }

    /** {@code frame} is about to be freed on {@code dev} for {@code reason} (kfree_skb_reason). */
    default void drop(NetDevice dev, ByteBuf frame, DropReason reason) {
    }

    /**
     * {@code frame} (the inner frame, before the outer headers are pushed) leaves VXLAN device
     * {@code dev} for VNI {@code vni} towards VTEP {@code remote} from {@code local} (vxlan_xmit_one).
     */
    default void vxlanEncap(NetDevice dev, ByteBuf frame, int vni, int local, int remote) {
    }

    /** {@code frame} (the inner frame) arrived on VXLAN device {@code dev} from VTEP {@code remote} (vxlan_rcv). */
    default void vxlanDecap(NetDevice dev, ByteBuf frame, int vni, int remote) {
    }
}
