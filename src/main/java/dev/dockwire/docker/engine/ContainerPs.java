package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.app.bin.BusyboxPs;
import dev.dockwire.app.bin.ProcpsPs;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import dev.dockwire.text.TextResult;
import java.util.List;
import java.util.Map;

/**
 * {@code ps} in a container, as its image's package writes it: procps-ng's where the image has
 * procps (node, python, buildpack-deps, a Debian container after {@code apt-get install procps}),
 * BusyBox's elsewhere (alpine, busybox); the processes of the container's PID namespace, ps itself
 * among them for as long as it runs; in the host's PID namespace ({@code --pid host}) the host's
 * processes, other containers' at their host pids.
 */
public final class ContainerPs {
    private ContainerPs() {
    }

    /**
     * Runs {@code argv} ({@code ps ...}) as a child of {@code ppid} (0: as runc exec's it) with {@code uid};
     * or, {@code init} not null, as that process (ps as the container's PID 1).
     *
     * @param columns   the terminal's width when stdout is one, else 0
     * @param hostTable the host's process table, which a {@code --pid host} container's ps lists (host pids, ps itself running;
     *                  none known: the container's own)
     */
    public static CommandOutput run(Container c, PidNamespace pids, Process init, int ppid, int uid, List<String> argv, long nowNanos,
                                    long epochMillis, int columns, java.util.function.Supplier<List<ProcessEntry>> hostTable) {
        Process self = init != null ? init : pids.spawn(ppid, argv, Map.of(), nowNanos);
        self.uid(uid);
        try {
            List<String> args = argv.subList(1, argv.size());
            List<ProcessEntry> host = c.options().namespaces().pid().equals("host") && hostTable != null ? hostTable.get() : List.of();
            var entries = !host.isEmpty() ? inHost(host, self) : ContainerProcesses.entries(c, pids.running(), self);
            TextResult r = "procps".equals(Images.provider(c, argv.get(0))) ? new ProcpsPs(entries, nowNanos, epochMillis).run(args)
                    : new BusyboxPs(entries, nowNanos, columns).run(args);
            return new CommandOutput(r.status(), r.output(), r.errors());
        } finally {
            if (self != init) {
                self.exit(0);
                pids.reap(self.pid());
            }
        }
    }

    /** The host's table as /proc shows it in its PID namespace: {@code self} at its host pid, running. */
    private static List<ProcessEntry> inHost(List<ProcessEntry> host, Process self) {
        List<ProcessEntry> out = new java.util.ArrayList<>();
        for (ProcessEntry e : host) {
            out.add(e.pid() != self.hostPid() ? e : new ProcessEntry(e.pid(), e.ppid(), e.user(), e.group(), e.sid(), e.argv(),
                    "R" + e.stat().substring(1), e.tty(), e.startNanos(), e.netns(), e.sockets()));
        }
        return out;
    }
}
