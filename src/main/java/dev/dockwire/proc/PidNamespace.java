package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A PID namespace (kernel/pid_namespace.c): pids from 1, the first process its init. Signals go
 * as kill(2) sends them (kernel/signal.c {@code sig_task_ignored}): a handled signal runs the
 * handler; an unhandled one terminates the process with {@code 128 + n} — but the init of a
 * namespace is spared every signal it did not install a handler for, except SIGKILL. This is why
 * {@code docker stop} of a container whose PID 1 is {@code ping} or {@code sleep} waits its grace
 * period and ends in SIGKILL (137). SIGSTOP/SIGTSTP stop a process and SIGCONT resumes it. The
 * namespace's processes are those of the container's cgroup, which the freezer stops and lets go
 * ({@link #freeze}, {@code docker pause}).
 */
public final class PidNamespace {
    private final IntSupplier hostPids;
    private static final Process[] EMPTY = new Process[0];
    /**
     * The processes, running or zombies, in pid order (pids only grow, so a new one goes last): an
     * array replaced whole by a spawn or a reap, never written in place, so a thread reading it while
     * the loop's thread changes it sees the table before or after, never half of it. 24 bytes where
     * a TreeMap of one process was 88, in each container's namespace.
     */
    private volatile Process[] table = EMPTY;
    private int lastPid;
    /** The limits of a process started from outside (init, {@code docker exec}): what runc sets from the spec. */
    private dev.dockwire.libc.Rlimits outside = dev.dockwire.libc.Rlimits.CONTAINER;

    /** {@code hostPids} hands out the pids the host sees, shared by all namespaces of one host. */
    public PidNamespace(IntSupplier hostPids) {
        this(hostPids, 0);
    }

    /**
     * A namespace whose pids up to {@code lastPid} are taken: the host's own, whose init is not
     * among the processes dockwire runs, so none of them is spared as init is.
     */
    public PidNamespace(IntSupplier hostPids, int lastPid) {
        this.hostPids = hostPids;
        this.lastPid = lastPid;
    }

    /**
     * The resource limits a process started from outside the namespace gets (its init, {@code docker
     * exec}'s): runc's from the spec's rlimits (HostConfig.Ulimits) over what containerd-shim had.
     */
    public void limits(dev.dockwire.libc.Rlimits limits) {
        this.outside = limits;
    }

    /** What a process started from outside gets ({@link #limits(dev.dockwire.libc.Rlimits)}). */
    public dev.dockwire.libc.Rlimits limits() {
        return outside;
    }

    /**
     * fork+exec: a new process with the next free pid; its parent is {@code ppid} (0: started from
     * outside); it inherits its parent's resource limits (copy_signal), else the namespace's.
     */
    public Process spawn(int ppid, List<String> argv, Map<String, String> env, long nowNanos) {
        int pid = ++lastPid;
        Process p = new Process(pid, hostPids.getAsInt(), ppid, argv, env, nowNanos);
        Process parent = ppid == 0 ? null : process(ppid);
        p.limits(parent != null ? parent.limits() : outside);
        p.parent(parent);
        Process[] t = table;
        Process[] grown = Arrays.copyOf(t, t.length + 1);
        grown[t.length] = p;
        table = grown;
        return p;
    }

    /**
     * Pids up to {@code pid} have been handed out to processes that ended and were reaped before
     * anything dockwire models ran (the children of nginx's entrypoint scripts: its workers are 29
     * and 30); the next process gets {@code pid + 1} unless later ones are already taken.
     */
    public void advanceTo(int pid) {
        lastPid = Math.max(lastPid, pid);
    }

    /** The namespace's init (pid 1) while it is in the table, else null. */
    public Process init() {
        return process(1);
    }

    /** The process with {@code pid}, running or a zombie; null when there is none. */
    public Process process(int pid) {
        Process[] t = table;
        int i = indexOf(t, pid);
        return i < 0 ? null : t[i];
    }

    /**
     * kill(2) with {@code signal}: false (ESRCH) when no running process has {@code pid}. A signal
     * init does not handle is discarded, as the kernel does for SIGNAL_UNKILLABLE tasks.
     */
    public boolean kill(int pid, Signal signal) {
        Process p = process(pid);
        if (p == null || p.exited()) {
            return false;
        }
        if (p.frozen() && (signal == Signal.SIGCONT || signal.catchable() && (p.handles(signal) || signal.stops()))) {
            // A frozen task takes a signal when it runs again (get_signal); only a fatal one kills it now
            // (complete_signal wakes it with SIGKILL, which the cgroup v2 freezer lets through).
            // SIGCONT's resumption happens at once (prepare_signal), its handler later.
            if (signal == Signal.SIGCONT) {
                p.resume();
            }
            p.whenRunning(() -> deliverLater(p, signal));
            return true;
        }
        if (signal == Signal.SIGCONT) {
            // SIGCONT resumes even a process that handles it (prepare_signal), before any handler runs.
            p.resume();
            if (p.handles(signal)) {
                p.deliver(signal);
            }
        } else if (signal.catchable() && p.handles(signal)) {
            p.deliver(signal);
        } else if (signal.stops()) {
            if (pid != 1 || !signal.catchable()) {
                p.stop();
            }
        } else if (!signal.ignoredByDefault() && (pid != 1 || !signal.catchable())) {
            p.terminate(signal);
        }
        return true;
    }

    /**
     * kill(2) from a process of this namespace: as {@link #kill}, but its init ignores every signal it
     * has no handler for, SIGKILL and SIGSTOP too (sig_task_ignored on a SIGNAL_UNKILLABLE task: only
     * an ancestor namespace's sender, {@code docker kill}, forces those). {@code signal} null is signal 0,
     * the check that the process exists.
     */
    public boolean killInside(int pid, Signal signal) {
        Process p = process(pid);
        if (p == null || p.exited()) {
            return false;
        }
        if (signal == null || pid == 1 && !(signal.catchable() && p.handles(signal))) {
            return true;
        }
        return kill(pid, signal);
    }

    private void deliverLater(Process p, Signal signal) {
        if (p.exited()) {
            return;
        }
        if (signal == Signal.SIGCONT) {
            if (p.handles(signal)) {
                p.deliver(signal);
            }
        } else {
            kill(p.pid(), signal);
        }
    }

    /**
     * The cgroup freezer ({@code cgroup.freeze} = 1, what runc's pause writes): every process of the
     * namespace stops where it is, its timers and reads held until {@link #thaw}; the kernel's side
     * of its sockets goes on (handshakes into a listener's backlog, data into receive buffers).
     */
    public void freeze() {
        for (Process p : running()) {
            p.freeze();
        }
    }

    /** {@code cgroup.freeze} = 0: every process runs again, in pid order, with what fell due meanwhile. */
    public void thaw() {
        for (Process p : running()) {
            p.thaw();
        }
    }

    /** Whether the freezer holds its processes (the container is paused). */
    public boolean frozen() {
        Process init = process(1);
        return init != null && init.frozen();
    }

    /**
     * kill(2) to a process group led by {@code pid} ({@code kill -SIG -PGID}; the terminal's Ctrl-C to
     * the foreground job): the leader first, then every running process descended from it, as a
     * shell's children stay in its group. Each is signalled as {@link #kill} signals it; a leader's
     * handler so runs before a child's exit can resume it (the kernel queues the signal on every
     * member before any of them runs). False (ESRCH) when the leader does not run.
     */
    public boolean killGroup(int pid, Signal signal) {
        List<Process> members = new ArrayList<>();
        for (Process p : table) {
            if (p.pid() != pid && !p.exited() && descends(p, pid)) {
                members.add(p);
            }
        }
        boolean found = kill(pid, signal);
        for (Process p : members) {
            found |= kill(p.pid(), signal);
        }
        return found;
    }

    private boolean descends(Process p, int ancestor) {
        for (int ppid = p.ppid(), hops = 0, n = table.length; ppid != 0 && hops < n; hops++) {
            if (ppid == ancestor) {
                return true;
            }
            Process parent = process(ppid);
            ppid = parent == null ? 0 : parent.ppid();
        }
        return false;
    }

    /** What happens when init dies: the kernel SIGKILLs every other process of the namespace (zap_pid_ns_processes). */
    public void killAll() {
        for (Process p : table) {
            p.terminate(Signal.SIGKILL);
        }
    }

    /** wait(2) for {@code pid}: its status, removing the zombie from the table; null while it runs or when there is none. */
    public Integer reap(int pid) {
        Process[] t = table;
        int i = indexOf(t, pid);
        if (i < 0 || !t[i].exited()) {
            return null;
        }
        Process p = t[i];
        Process[] shrunk = new Process[t.length - 1];
        System.arraycopy(t, 0, shrunk, 0, i);
        System.arraycopy(t, i + 1, shrunk, i, t.length - i - 1);
        table = shrunk;
        return p.status();
    }

    /** The running processes in pid order, as {@code ps} lists them. */
    public List<Process> running() {
        List<Process> out = new ArrayList<>();
        for (Process p : table) {
            if (!p.exited()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The index of {@code pid} in {@code t} (in pid order), or -1. */
    private static int indexOf(Process[] t, int pid) {
        int lo = 0;
        int hi = t.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = t[mid].pid();
            if (at < pid) {
                lo = mid + 1;
            } else if (at > pid) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
