package dev.dockwire.docker.engine;

import dev.dockwire.proc.OpenFiles;
import dev.dockwire.socket.GuardedSockets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A container process's open files as its sockets: the bound ones {@code ss -p} names it by, and
 * what the cgroup freezer does to them ({@code docker pause}): the program reads none of them
 * while the kernel still queues what arrives.
 */
final class SocketFiles implements OpenFiles {
    private final Supplier<List<GuardedSockets>> sockets;

    /** {@code sockets}: the process's socket tables opened so far (a program opens its own on first use). */
    SocketFiles(Supplier<List<GuardedSockets>> sockets) {
        this.sockets = sockets;
    }

    @Override
    public List<Socket> sockets() {
        List<Socket> open = new ArrayList<>();
        for (GuardedSockets s : sockets.get()) {
            open.addAll(Exec.bound(s));
        }
        return open;
    }

    @Override
    public void freeze() {
        sockets.get().forEach(GuardedSockets::freeze);
    }

    @Override
    public void thaw() {
        sockets.get().forEach(GuardedSockets::thaw);
    }
}
