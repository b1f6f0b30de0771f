package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * One end of a virtual Ethernet pair ({@code ip link add NAME type veth peer name PEER}): what
 * one end transmits, the other receives. The ends may live in different namespaces. As in the
 * kernel, a frame is dropped (tx_dropped) when the peer is down. Sent from outside any receive,
 * the peer receives it at once ({@link Backlog#netifRx}).
 */
public final class Veth extends NetDevice {
    public static final int DEFAULT_MTU = ETH_DATA_LEN;
    private final Backlog backlog;
    private Veth peer;

    private Veth(Backlog backlog, String name, int ifindex, long mac) {
        super(name, ifindex, mac, DEFAULT_MTU);
        this.backlog = backlog;
    }

    /** Creates a connected pair; returns the first end ({@link #peer()} is the second). */
    public static Veth createPair(Backlog backlog, String name, int ifindex, long mac,
                                  String peerName, int peerIfindex, long peerMac) {
        Veth a = new Veth(backlog, name, ifindex, mac);
        Veth b = new Veth(backlog, peerName, peerIfindex, peerMac);
        a.peer = b;
        b.peer = a;
        return a;
    }

    public Veth peer() {
        return peer;
    }

    @Override
    public LinkType type() {
        return LinkType.VETH;
    }

    @Override
    public boolean hasCarrier() {
        return isUp() && peer.isUp();
    }

    @Override
    protected void xmit(ByteBuf frame) {
        if (!peer.isUp()) {
            stats().txDropped++;
            probe().drop(this, frame, DropReason.DEV_READY);
            frame.release();
            return;
        }
        countTx(frame);
        if (peer.rxHandler() == rxHandler()) {
            // Both ends in one namespace: its stack would receive inside its own transmit.
            backlog.enqueue(peer, frame);
        } else {
            backlog.netifRx(peer, frame);
        }
    }
}
