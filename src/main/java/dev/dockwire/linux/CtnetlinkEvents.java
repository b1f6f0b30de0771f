package dev.dockwire.linux;

import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.linux.netlink.Nlmsghdr;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * A NETLINK_NETFILTER socket bound to ctnetlink's event groups (NFNLGRP_CONNTRACK_NEW, _UPDATE,
 * _DESTROY) in one namespace, as {@code conntrack -E} opens it, read by a thread of its own: each
 * message becomes a {@link ConntrackEvent}, handed to the event loop (or straight to the consumer
 * without one). A receive timeout lets the thread see {@link #close}; an overrun (ENOBUFS, events
 * lost as conntrack reports) is read past.
 */
final class CtnetlinkEvents implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private final int fd;
    private final Thread thread;
    private volatile boolean closed;

    CtnetlinkEvents(String netns, EventLoop loop, Consumer<ConntrackEvent> events) {
        fd = Namespaces.call(netns, () -> {
            int s = Libc.openSocket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_NETFILTER);
            try {
                Libc.bindTo(s, sockaddr(Ctnetlink.CONNTRACK_GROUPS));
                Libc.setReceiveTimeout(s, POLL_MILLIS);
            } catch (RuntimeException e) {
                Libc.closeFd(s);
                throw e;
            }
            return s;
        });
        thread = new Thread(() -> read(loop, events), "dockwire-ctnetlink-" + netns);
        thread.setDaemon(true);
        thread.start();
    }

    /** sockaddr_nl: AF_NETLINK, the port left to the kernel (0), the groups. */
    private static byte[] sockaddr(int groups) {
        byte[] sa = new byte[12];
        sa[0] = (byte) Libc.AF_NETLINK;
        sa[8] = (byte) groups;
        sa[9] = (byte) (groups >>> 8);
        sa[10] = (byte) (groups >>> 16);
        sa[11] = (byte) (groups >>> 24);
        return sa;
    }

    private void read(EventLoop loop, Consumer<ConntrackEvent> events) {
        byte[] rx = new byte[1 << 16];
        while (!closed) {
            int n;
            try {
                n = Libc.receive(fd, rx, 0);
            } catch (ErrnoException e) {
                if (e.errno() == Errno.EAGAIN || e.errno() == Errno.ENOBUFS) {
                    continue;
                }
                if (closed) {
                    return;
                }
                throw e;
            }
            ByteBuf in = Unpooled.wrappedBuffer(rx, 0, n);
            int at = 0;
            while (at + Nlmsghdr.LENGTH <= n) {
                int len = in.getIntLE(at + Nlmsghdr.LEN);
                if (len < Nlmsghdr.LENGTH || at + len > n) {
                    break;
                }
                int type = in.getUnsignedShortLE(at + Nlmsghdr.TYPE);
                if (type >> 8 == Ctnetlink.NFNL_SUBSYS_CTNETLINK) {
                    ConntrackEvent e = Ctnetlink.event(Unpooled.copiedBuffer(in.slice(at, len)));
                    if (loop != null) {
                        loop.post(() -> deliver(events, e));
                    } else {
                        events.accept(e);
                    }
                }
                at += Nlmsghdr.align(len);
            }
        }
    }

    private void deliver(Consumer<ConntrackEvent> events, ConntrackEvent e) {
        if (!closed) {
            events.accept(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.join(2 * POLL_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Libc.closeFd(fd);
    }
}
