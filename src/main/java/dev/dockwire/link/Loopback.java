package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/** The loopback device {@code lo}: every transmitted frame is received again by itself. */
public final class Loopback extends NetDevice {
    public static final int MTU = 65536;
    private final Backlog backlog;

    public Loopback(Backlog backlog, int ifindex) {
        super("lo", ifindex, 0L, MTU);
        this.backlog = backlog;
    }

    /** The per-loop backlog this namespace's devices hand their frames to. */
    public Backlog backlog() {
        return backlog;
    }

    @Override
    public LinkType type() {
        return LinkType.LOOPBACK;
    }

    @Override
    protected void xmit(ByteBuf frame) {
        countTx(frame);
        backlog.enqueue(this, frame);
    }
}
