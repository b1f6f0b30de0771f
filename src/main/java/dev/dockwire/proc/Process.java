package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One process (the kernel's task_struct, as far as {@code ps} and signals see it): its pid in its
 * namespace and on the host, its parent, argv and environment, the handlers its program
 * installed, and its exit status once it has ended (a zombie until {@link PidNamespace#reap}).
 */
public final class Process {
    private final int pid;
    private final int hostPid;
    private int ppid;
    /** The parent when it is a process of the namespace, whose end makes this one init's child (forget_original_parent). */
    private Process parent;
    private List<String> argv;
    private Map<String, String> env;
    private final long startNanos;
    private int uid;
    /** Made at the first sigaction: most processes (a large topology's PID 1s) install none. */
    private Map<Signal, Runnable> handlers = Map.of();
    /** Who hears the exit: one listener as a one-element list (PID 1 has one), a list of its own from the second. */
    private List<IntConsumer> exitListeners = List.of();
    /** What waits for it to run again; made by the first such task (most processes are never stopped). */
    private List<Runnable> whileStopped = List.of();
    /** The sockets the process holds open, as its fds show them ({@code ss -p}, {@code /proc/PID/fd}). */
    private OpenFiles openFiles = OpenFiles.NONE;
    /** Its resource limits (signal_struct's rlim): one shared value until setrlimit(2) gives it another. */
    private dev.dockwire.libc.Rlimits limits = dev.dockwire.libc.Rlimits.CONTAINER;
    private Integer status;
    private Signal killedBy;
    private boolean stopped;
    /** In a frozen cgroup ({@code docker pause}): it does not run until thawed, whatever its signals say. */
    private boolean frozen;

    Process(int pid, int hostPid, int ppid, List<String> argv, Map<String, String> env, long startNanos) {
        this.pid = pid;
        this.hostPid = hostPid;
        this.ppid = ppid;
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.startNanos = startNanos;
    }

    /** The pid inside its namespace (1 for a container's main process). */
    /** The bound sockets the process holds open. */
    public OpenFiles openFiles() {
        return openFiles;
    }

    /** Its resource limits, as getrlimit(2) and {@code /proc/PID/limits} read them. */
    public dev.dockwire.libc.Rlimits limits() {
        return limits;
    }

    /** setrlimit(2) done (checked by the caller, {@link dev.dockwire.libc.Rlimits#check}), or the limits it was born with. */
    public void limits(dev.dockwire.libc.Rlimits next) {
        this.limits = next;
    }

    /** Set by whoever gives the process its sockets. */
    public void openFiles(OpenFiles files) {
        this.openFiles = files;
    }

    /** The real uid it runs as (ps's USER column), set by whoever starts it; 0 unless told. */
    public void uid(int uid) {
        this.uid = uid;
    }

    public int uid() {
        return uid;
    }

    public int pid() {
        return pid;
    }

    /** The pid the host sees ({@code docker top}, {@code ps} on the host). */
    public int hostPid() {
        return hostPid;
    }

    /**
     * The parent's pid in the namespace; 0 for a process started from outside it (init, {@code docker exec}).
     * Once the parent has exited, the namespace's init (its child_reaper, pid 1) is the parent
     * (kernel/exit.c forget_original_parent): a shell's background job outlives it as PID 1's child.
     */
    public int ppid() {
        if (parent != null && parent.exited()) {
            ppid = pid == 1 ? ppid : 1;
            parent = null; // not kept past its end
        }
        return ppid;
    }

    /** Set by the namespace at spawn: the parent process, when it has one there. */
    void parent(Process p) {
        this.parent = p;
    }

    public List<String> argv() {
        return argv;
    }

    public Map<String, String> env() {
        return env;
    }

    /** When it started, on the emulation's clock. */
    public long startNanos() {
        return startNanos;
    }

    /** Installs {@code handler} for {@code signal} (sigaction(2)); null: the default action again (SIG_DFL). SIGKILL cannot be caught. */
    public void handle(Signal signal, Runnable handler) {
        if (!signal.catchable()) {
            throw new IllegalArgumentException("SIGKILL cannot be caught");
        }
        if (handler == null) {
            if (!handlers.isEmpty()) {
                handlers.remove(signal);
            }
        } else {
            if (handlers.isEmpty()) {
                handlers = new EnumMap<>(Signal.class);
            }
            handlers.put(signal, handler);
        }
    }

    boolean handles(Signal signal) {
        return handlers.containsKey(signal);
    }

    /** Runs the handler for a delivered signal. */
    void deliver(Signal signal) {
        handlers.get(signal).run();
    }

    /** Calls {@code listener} with the status when the process ends (at once when it already has). */
    public void onExit(IntConsumer listener) {
        if (status != null) {
            listener.accept(status);
        } else if (exitListeners.isEmpty()) {
            exitListeners = List.of(listener);
        } else {
            if (exitListeners.size() == 1) {
                exitListeners = new ArrayList<>(exitListeners);
            }
            exitListeners.add(listener);
        }
    }

    /** Whether SIGSTOP/SIGTSTP stopped it and no SIGCONT has come since (state T in {@code ps}). */
    public boolean stopped() {
        return stopped;
    }

    /** Whether the cgroup freezer holds it ({@code docker pause}: asleep in do_freezer_trap, state S in {@code ps}). */
    public boolean frozen() {
        return frozen;
    }

    /**
     * Runs {@code task} now, or when SIGCONT resumes the process if it is stopped: a stopped
     * process's timers do not fire until it runs again (do_signal_stop). A frozen process's wait
     * until it is thawed, too.
     */
    public void whenRunning(Runnable task) {
        if (stopped || frozen) {
            if (whileStopped.isEmpty()) {
                whileStopped = new ArrayList<>();
            }
            whileStopped.add(task);
        } else {
            task.run();
        }
    }

    /** The default action of SIGSTOP/SIGTSTP. */
    void stop() {
        if (status == null) {
            stopped = true;
        }
    }

    /**
     * The cgroup v2 freezer takes it (kernel/cgroup/freezer.c cgroup_freeze_task): it stops at
     * once, and its open files stop being read ({@link OpenFiles#freeze}) while the kernel's side of
     * them goes on.
     */
    void freeze() {
        if (status == null && !frozen) {
            frozen = true;
            openFiles.freeze();
        }
    }

    /** The freezer lets it go: what it would have done meanwhile happens now, unless a signal stopped it. */
    void thaw() {
        if (!frozen) {
            return;
        }
        frozen = false;
        openFiles.thaw();
        runDue();
    }

    /** SIGCONT: resumes a stopped process; what it would have done meanwhile happens now (once thawed, if frozen). */
    void resume() {
        if (!stopped) {
            return;
        }
        stopped = false;
        runDue();
    }

    private void runDue() {
        if (stopped || frozen) {
            return;
        }
        List<Runnable> due = whileStopped;
        whileStopped = List.of();
        due.forEach(Runnable::run);
    }

    /** exit(2): ends the process with {@code code} (0-255); later calls change nothing. */
    public void exit(int code) {
        if (status != null) {
            return;
        }
        status = code & 0xff;
        stopped = false;
        frozen = false;
        whileStopped = List.of();
        handlers = Map.of();
        List<IntConsumer> listeners = exitListeners;
        exitListeners = List.of();
        listeners.forEach(l -> l.accept(status));
    }

    /** The default action of {@code signal}: terminate, with the status {@code 128 + n} Docker reports. */
    void terminate(Signal signal) {
        if (status == null) {
            killedBy = signal;
            exit(signal.exitStatus());
        }
    }

    public boolean exited() {
        return status != null;
    }

    /** The exit status, or null while it runs. */
    public Integer status() {
        return status;
    }

    /** The signal whose default action ended it, or null. */
    public Signal killedBy() {
        return killedBy;
    }

    /**
     * execve(2) in place (fs/exec.c begin_new_exec): the process keeps its pid, parent, session and
     * group, uid, open files, resource limits and start time (ps's STIME and TIME go on), and takes
     * {@code argv} (its comm argv[0]'s last component) and {@code env}; every handler its old program
     * installed is reset to the default action (flush_signal_handlers). Who waits for it still does.
     */
    public void exec(List<String> argv, Map<String, String> env) {
        if (status != null) {
            return;
        }
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        handlers = Map.of();
    }

    /** The command line as {@code ps} shows it. */
    public String commandLine() {
        return String.join(" ", argv);
    }
}
