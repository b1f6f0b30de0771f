package dev.dockwire.docker.engine;

import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import java.util.List;

/**
 * A running container's processes: its PID namespace, PID 1, the pid of the containerd-shim that
 * is PID 1's parent on the host, and the image's daemon when PID 1 is one.
 *
 * @param modelled  whether PID 1 is a program or daemon dockwire models (it may end by itself)
 * @param proxyPids the host pids of the docker-proxy of each of the container's published ports, in
 *                  {@link dev.dockwire.docker.Container#published()}'s order (none without the userland proxy)
 */
public record ContainerProcesses(PidNamespace pids, Process init, int shimPid, ImageDaemons.Daemon daemon,
                                 boolean modelled, List<Integer> proxyPids) {
    /** The running processes in pid order. */
    public List<Process> running() {
        return pids.running();
    }

    /**
     * The user the host's {@code ps -ef} ({@code docker top}) names {@code p} by: its image daemon's
     * user for the processes it runs as another (nginx's workers), else its uid by the host's
     * /etc/passwd: root, nobody (65534 on every Debian host), the number for the rest.
     */
    public String user(Process p) {
        if (daemon != null) {
            return daemon.user(p);
        }
        return p.uid() == 0 ? "root" : p.uid() == 65534 ? "nobody" : Integer.toString(p.uid());
    }

    /** The host's pid of {@code p}'s parent: the shim for PID 1 and {@code docker exec}'s processes. */
    public int hostParent(Process p) {
        Process parent = p.ppid() == 0 ? null : pids.process(p.ppid());
        return parent == null ? shimPid : parent.hostPid();
    }
}
