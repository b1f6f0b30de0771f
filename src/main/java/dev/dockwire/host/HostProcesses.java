package dev.dockwire.host;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.docker.engine.ContainerProcesses;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.proc.OpenFiles;
import dev.dockwire.proc.Process;
import dev.dockwire.app.ProcessEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Docker host's process table as ps, ss -p and nsenter -t see it: init, containerd and dockerd
 * started at boot (as systemd starts docker.service after containerd.service), the user's login
 * shell on pts/0, and for each running container the docker-proxy of each published port
 * (dockerd's children, moby's portmapper/proxy_linux.go argv, the listening socket on fd 4 as
 * {@code -use-listen-fd} passes it), its containerd-shim-runc-v2 (reparented to init) and the
 * container's processes under the shim. The caller's own process ({@code ps} itself) comes last.
 */
final class HostProcesses {
    static final int DOCKERD = 812;
    private static final int SHELL = 940;
    private static final String CONTAINERD_SOCK = "/run/containerd/containerd.sock";

    private HostProcesses() {
    }

    /** Every process, in pid order; {@code self} (argv of the command asking, or null) runs in the shell. */
    static List<ProcessEntry> list(Engine engine, long nowNanos, List<String> self) {
        List<ProcessEntry> out = new ArrayList<>();
        out.add(daemon(1, 0, List.of("/sbin/init"), "Ss"));
        out.add(daemon(745, 1, List.of("/usr/bin/containerd"), "Ssl"));
        out.add(daemon(DOCKERD, 1, List.of("/usr/bin/dockerd", "-H", "fd://", "--containerd=" + CONTAINERD_SOCK), "Ssl"));
        out.add(new ProcessEntry(SHELL, 1, "root", List.of("-bash"), "Ss", "pts/0", 0, Kernel.HOST, List.of()));
        for (Container c : engine.containers()) {
            ContainerProcesses procs = engine.processes(c);
            if (procs == null) {
                continue;
            }
            long started = procs.init().startNanos();
            List<PortBinding> published = c.published();
            for (int i = 0; i < procs.proxyPids().size() && i < published.size(); i++) {
                PortBinding b = published.get(i);
                out.add(new ProcessEntry(procs.proxyPids().get(i), DOCKERD, "root", List.of("/usr/bin/docker-proxy",
                        "-proto", b.proto(), "-host-ip", b.hostIpText(), "-host-port", Integer.toString(b.hostPort()),
                        "-container-ip", b.containerIp().toString(), "-container-port", Integer.toString(b.containerPort()),
                        "-use-listen-fd"), "Sl", "?", started, Kernel.HOST,
                        List.of(new ProcessEntry.Socket(b.proto(), b.hostIp() == null ? 0 : b.hostIp().bits(), b.hostPort(), 4))));
            }
            out.add(new ProcessEntry(procs.shimPid(), 1, "root", List.of("/usr/bin/containerd-shim-runc-v2", "-namespace", "moby",
                    "-id", c.id(), "-address", CONTAINERD_SOCK), "Sl", "?", started, Kernel.HOST, List.of()));
            for (Process p : procs.running()) {
                out.add(new ProcessEntry(p.hostPid(), procs.hostParent(p), procs.user(p), p.argv(), p.pid() == 1 ? "Ss" : "S", "?",
                        p.startNanos(), c.netns(), sockets(p)));
            }
        }
        out.sort(Comparator.comparingInt(ProcessEntry::pid));
        if (self != null) {
            int pid = out.get(out.size() - 1).pid() + 1;
            out.add(new ProcessEntry(pid, SHELL, "root", self, "R+", "pts/0", nowNanos, Kernel.HOST, List.of()));
        }
        return out;
    }

    /** The bound sockets a container's process holds, as the host sees them through its fds. */
    private static List<ProcessEntry.Socket> sockets(Process p) {
        List<ProcessEntry.Socket> out = new ArrayList<>();
        for (OpenFiles.Socket s : p.openFiles().sockets()) {
            out.add(new ProcessEntry.Socket(s.proto(), s.addr(), s.port(), s.fd()));
        }
        return out;
    }

    private static ProcessEntry daemon(int pid, int ppid, List<String> argv, String stat) {
        return new ProcessEntry(pid, ppid, "root", argv, stat, "?", 0, Kernel.HOST, List.of());
    }
}
