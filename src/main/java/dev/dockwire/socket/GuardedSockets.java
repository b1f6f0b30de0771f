package dev.dockwire.socket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A process's view of its namespace's sockets: every callback it registers (a datagram, accepted
 * connection, bytes, EOF, error, writable, connect outcome, echo reply) runs through the process's
 * {@link CallbackGuard}, so an exception in a receive handler fails that process alone, as a crash
 * in a program's read loop kills that program and no other. The sockets it opened are its file
 * table: {@link #closeAll} closes what is still open, as exit(2) closes a dead process's descriptors.
 */
public final class GuardedSockets implements Sockets {
    private final Sockets sockets;
    private final CallbackGuard guard;
    /** A set of its own from the first socket: a container's idle PID 1 opens none (100,000 of them at scale). */
    private Set<AutoCloseable> open = java.util.Collections.emptySet();

    public GuardedSockets(Sockets sockets, CallbackGuard guard) {
        this.sockets = sockets;
        this.guard = guard;
    }

    CallbackGuard guard() {
        return guard;
    }

    /** Counts {@code s} among the process's open sockets until it is closed. */
    <S extends AutoCloseable> S opened(S s) {
        if (open == java.util.Collections.<AutoCloseable>emptySet()) {
            open = new LinkedHashSet<>();
        }
        open.add(s);
        return s;
    }

    void closed(AutoCloseable s) {
        open.remove(s);
    }

    @Override
    public UdpSocket openUdp() {
        return opened(new GuardedUdp(this, sockets.openUdp()));
    }

    @Override
    public PingSocket openPing() {
        return opened(new GuardedPing(this, sockets.openPing()));
    }

    @Override
    public PingSocket openRawIcmp() {
        return opened(new GuardedPing(this, sockets.openRawIcmp()));
    }

    @Override
    public TcpSocket openTcp() {
        return opened(new GuardedTcp(this, sockets.openTcp()));
    }

    @Override
    public TcpListener listenTcp(int addr, int port, int backlog) {
        return opened(new GuardedListener(this, sockets.listenTcp(addr, port, backlog)));
    }

    @Override
    public TcpListener listenTcp6(int port, int backlog) {
        return opened(new GuardedListener(this, sockets.listenTcp6(port, backlog)));
    }

    @Override
    public int sourceAddressFor(int dst) {
        return sockets.sourceAddressFor(dst);
    }

    /** A bound socket the process holds: {@code tcp} (listening) or {@code udp}, its local address and port, its fd. */
    public record Bound(String proto, int addr, int port, int fd) {
    }

    /**
     * The listening TCP and bound UDP sockets still open, each with the fd it would have (3 upwards
     * in the order opened, after stdin, stdout and stderr).
     */
    public List<Bound> bound() {
        List<Bound> out = new ArrayList<>();
        int fd = 3;
        for (AutoCloseable s : open) {
            if (s instanceof TcpListener l) {
                out.add(new Bound("tcp", l.localAddress(), l.localPort(), fd));
            } else if (s instanceof UdpSocket u && u.localPort() != 0) {
                out.add(new Bound("udp", u.localAddress(), u.localPort(), fd));
            }
            fd++;
        }
        return out;
    }

    /** Sockets the process opened and has not closed. */
    public int openCount() {
        return open.size();
    }

    /**
     * The process is frozen ({@code docker pause}): its listeners accept nothing and its
     * connections read nothing, while the kernel completes handshakes into the backlog and queues
     * data; a datagram socket's receive queue is not held (the program's handler runs as it comes).
     */
    public void freeze() {
        for (AutoCloseable s : open) {
            if (s instanceof GuardedListener l) {
                l.freeze();
            } else if (s instanceof GuardedTcp t) {
                t.freeze();
            } else if (s instanceof GuardedUdp u) {
                u.pauseReading();
            }
        }
    }

    /** The process runs again: what the kernel queued meanwhile is accepted and read now. */
    public void thaw() {
        for (AutoCloseable s : List.copyOf(open)) {
            if (s instanceof GuardedListener l) {
                l.thaw();
            } else if (s instanceof GuardedTcp t) {
                t.thaw();
            } else if (s instanceof GuardedUdp u) {
                u.resumeReading();
            }
        }
    }

    /** Closes every socket still open (connections are reset if unread data waits, as at exit). */
    public void closeAll() {
        List<AutoCloseable> all = new ArrayList<>(open);
        open.clear();
        for (AutoCloseable s : all) {
            try {
                s.close();
            } catch (Exception e) {
                // closing a socket the kernel already tore down: nothing left to release
            }
        }
    }
}
