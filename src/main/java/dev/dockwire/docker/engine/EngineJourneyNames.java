package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.kernel.JourneyNames;
import dev.dockwire.proc.OpenFiles;
import dev.dockwire.proc.Process;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the engine names what a packet's journey passes: a sandbox by its container's name, a
 * socket by the container process holding it ({@code nginx (pid 1034)}, its host pid and the
 * 15-character comm the kernel keeps, as {@code ss -p} shows it).
 */
final class EngineJourneyNames implements JourneyNames {
    private final Supplier<Collection<Container>> containers;
    private final Function<Container, ContainerProcesses> processes;

    EngineJourneyNames(Supplier<Collection<Container>> containers, Function<Container, ContainerProcesses> processes) {
        this.containers = containers;
        this.processes = processes;
    }

    @Override
    public String namespace(String ns) {
        for (Container c : containers.get()) {
            if (ns.equals(c.netns())) {
                return c.name();
            }
        }
        return ns;
    }

    @Override
    public String socketOwner(String ns, String proto, int port) {
        for (Container c : containers.get()) {
            ContainerProcesses procs = ns.equals(c.netns()) ? processes.apply(c) : null;
            if (procs == null) {
                continue;
            }
            for (Process p : procs.running()) {
                for (OpenFiles.Socket s : p.openFiles().sockets()) {
                    if (s.proto().equals(proto) && s.port() == port) {
                        return comm(p) + " (pid " + p.hostPid() + ")";
                    }
                }
            }
        }
        return null;
    }

    /**
     * The kernel's comm: argv[0]'s base name, cut to TASK_COMM_LEN - 1 (15) characters; a title
     * set by setproctitle ({@code nginx: master process ...}) leaves comm the program's name, the
     * title's words before {@code ": "}.
     */
    private static String comm(Process p) {
        String a0 = p.argv().isEmpty() ? "" : p.argv().get(0);
        int title = a0.indexOf(": ");
        String base = title > 0 ? a0.substring(0, title) : a0.substring(a0.lastIndexOf('/') + 1);
        return base.length() > 15 ? base.substring(0, 15) : base;
    }
}
