package dev.dockwire.proc;

import java.util.List;

/** The bound sockets a process holds open, each as its fd shows it: what {@code ss -p} names a socket's holder by. */
@FunctionalInterface
public interface OpenFiles {
    /** A process with no sockets. */
    OpenFiles NONE = List::of;

    /** A bound socket: {@code tcp} (listening) or {@code udp}, its local address and port, its fd. */
    record Socket(String proto, int addr, int port, int fd) {
    }

    /** The bound sockets open now. */
    List<Socket> sockets();

    /**
     * The process is frozen: it reads none of its sockets, while the kernel still queues what
     * arrives (a listener's backlog, a connection's receive buffer).
     */
    default void freeze() {
    }

    /** The process runs again and reads them. */
    default void thaw() {
    }
}
