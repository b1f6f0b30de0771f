package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.docker.Container;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import java.util.ArrayList;
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

    /**
     * The processes as /proc shows them inside {@code c} (pids of its namespace, names by its own
     * /etc/passwd and /etc/group), in pid order: {@code self}, the one asking, running, the rest
     * sleeping (procps' STAT letters: {@code s} for a session leader); each in the session runc's setsid made for PID 1 or for its {@code docker exec}.
     */
    public static List<ProcessEntry> entries(Container c, List<Process> running, Process self) {
        java.util.Map<Integer, Process> byPid = new java.util.HashMap<>();
        running.forEach(p -> byPid.put(p.pid(), p));
        List<ProcessEntry> out = new ArrayList<>();
        for (Process p : running) {
            Process leader = p;
            while (byPid.containsKey(leader.ppid())) {
                leader = byPid.get(leader.ppid());
            }
            out.add(new ProcessEntry(p.pid(), p.ppid(), ExecUser.name(c, p.uid()), ExecUser.groupName(c, p.uid()), leader.pid(),
                    p.argv(), (p == self ? "R" : "S") + (leader == p ? "s" : ""), "?", p.startNanos(), c.netns(), List.of()));
        }
        return out;
    }

    /**
     * The processes of this container's cgroup, those {@code docker top} lists (moby's ContainerTop
     * keeps the ps lines of the pids containerd finds in it): where the PID namespace is shared
     * ({@code --pid container:X}), the trees under the other containers' PID 1s ({@code otherInits})
     * are theirs.
     */
    public List<Process> inCgroup(java.util.Collection<Process> otherInits) {
        List<Process> out = new ArrayList<>();
        for (Process p : running()) {
            Process top = p;
            while (top != init && !otherInits.contains(top) && top.ppid() != 0 && pids.process(top.ppid()) != null) {
                top = pids.process(top.ppid());
            }
            if (!otherInits.contains(top)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The host's pid of {@code p}'s parent: the shim for PID 1 and {@code docker exec}'s processes. */
    public int hostParent(Process p) {
        Process parent = p.ppid() == 0 ? null : pids.process(p.ppid());
        return parent == null ? shimPid : parent.hostPid();
    }
}
