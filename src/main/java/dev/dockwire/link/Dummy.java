package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * A dummy device ({@code ip link add NAME type dummy}, drivers/net/dummy.c): it counts what it
 * is given to send and drops it, and never receives. Docker's macvlan driver makes one
 * ({@code dm-<id>}) as the parent of a network created without {@code -o parent}.
 */
public final class Dummy extends NetDevice {
    public Dummy(String name, int ifindex, long mac) {
        super(name, ifindex, mac, ETH_DATA_LEN);
    }

    @Override
    public LinkType type() {
        return LinkType.DUMMY;
    }

    @Override
    protected void xmit(ByteBuf frame) {
        countTx(frame);
        frame.release();
    }
}
