package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Timer;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.kernel.CapableKernel;
import dev.dockwire.kernel.Capabilities;
import dev.dockwire.proc.BoundedOutput;
import dev.dockwire.proc.Job;
import dev.dockwire.proc.JobControl;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.proc.OpenFiles;
import dev.dockwire.socket.GuardedSockets;
import dev.dockwire.socket.Sockets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one modelled program (ping, ...) as a process of a PID namespace, in a network namespace,
 * on the event loop: to its end, collecting what it prints ({@link #run}: {@code docker exec} and
 * host commands), or in the background with its output going to a sink ({@link #start}: a
 * container's main process, whose lines go to its log).
 */
public final class Exec implements ProcessContext {
    /** The files a process reads and writes: the container's, or the host's for a command at the host's prompt. */
    public interface Files {
        String readFile(String path);

        boolean writeFile(String path, String content, boolean append);

        /** Why open(2) of {@code path} for writing fails ("Read-only file system"), or null when it would not. */
        default String writeError(String path) {
            return null;
        }

        /** Whether {@code path} is a directory. */
        default boolean isDirectory(String path) {
            return false;
        }

        /** Records the owner of {@code path}, which a process that is not root just created (no-op where owners are not kept). */
        default void own(String path, int uid, int gid) {
        }

        /** The owner of {@code path} as {@code uid << 32 | gid}, or -1 where owners are not kept. */
        default long owner(String path) {
            return -1;
        }

        /** The permission bits chmod gave {@code path}, or -1 (its place's, or modes are not kept). */
        default int mode(String path) {
            return -1;
        }

        /** chmod(2)/chown(2) of file {@code path} ({@code uid} -1: chmod to {@code mode}); false where it cannot be kept. */
        default boolean change(String path, int mode, int uid, int gid) {
            return false;
        }
    }

    /** Where a background process's lines go: {@code stream} is {@code stdout} or {@code stderr}. */
    @FunctionalInterface
    public interface Output {
        void line(String stream, String text);
    }

    /** A run's start as wall time ({@link EventLoop#RUN_EPOCH_MILLIS}); a live shell's is today ({@link EventLoop#epochMillis}). */
    public static final long EPOCH_MILLIS = EventLoop.RUN_EPOCH_MILLIS;

    private final ProcessHost engine;
    private final EventLoop loop;
    private final String netns;
    private final String hostname;
    private final Files files;
    private final PidNamespace pids;
    /** The parent's pid in the namespace; 0: started from outside it. */
    private int ppid;
    /** What it printed for its caller to show, bounded as a script's step is ({@link BoundedOutput}). */
    private final BoundedOutput output = new BoundedOutput();
    private Output sink;
    private JobControl jobs;
    private Job job;
    private Process process;
    private Integer exitStatus;
    private boolean daemon;
    private List<String> stdin = List.of();
    private GuardedSockets sockets;
    private final ProcessGuard guard = new ProcessGuard(() -> process == null ? "program" : process.argv().get(0),
            () -> exitStatus == null, line -> {
                err(line);
                exit(1);
                if (sockets != null) {
                    sockets.closeAll(); // a dead process's descriptors close with it
                }
            });
    /** The capabilities the process holds: all for the host's root, its container's bounding set otherwise. */
    private Capabilities caps = Capabilities.ROOT;
    /** Who it runs as ({@link ExecUser}): root unless the exec or the container says otherwise. */
    private dev.dockwire.app.Cred cred = dev.dockwire.app.Cred.ROOT;

    /** A process of a PID namespace of its own (a host command, an image's daemon). */
    public Exec(ProcessHost engine, EventLoop loop, String netns, String hostname, Files files) {
        this(engine, loop, netns, hostname, files, new PidNamespace(() -> 0, 1));
    }

    /** A process of {@code pids} (a container's). */
    public Exec(ProcessHost engine, EventLoop loop, String netns, String hostname, Files files, PidNamespace pids) {
        this.engine = engine;
        this.loop = loop;
        this.netns = netns;
        this.hostname = hostname;
        this.files = files;
        this.pids = pids;
    }

    /**
     * Starts {@code program} as a new process of the namespace with argv {@code name args...} and
     * returns at once; its lines go to {@code out} while the loop runs.
     */
    public Process start(String name, Program program, List<String> args, Map<String, String> env, Output out) {
        this.sink = out;
        spawn(name, args, env);
        launch(program, args);
        return process;
    }

    /**
     * Runs {@code program} as {@code in}, which already exec'd its argv ({@link Process#exec}: a
     * shell's {@code exec CMD} or last command): no new pid; the program's end is the process's.
     */
    public Process execve(Process in, Program program, List<String> args, Output out) {
        this.sink = out;
        process = in;
        process.openFiles(new SocketFiles(() -> sockets == null ? List.of() : List.of(sockets)));
        process.onExit(status -> {
            if (exitStatus == null) {
                exitStatus = status;
            }
        });
        launch(program, args);
        return process;
    }

    private void launch(Program program, List<String> args) {
        loop.schedule(0, () -> guarded(() -> program.start(this, args)));
    }

    /** Runs {@code task} as part of the program: what it throws is the program's crash ({@link ProcessGuard}). */
    private void guarded(Runnable task) {
        guard.call(task);
    }

    private void spawn(String name, List<String> args, Map<String, String> env) {
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(args);
        process = pids.spawn(ppid, argv, env, loop.nanos());
        process.uid(cred.uid());
        process.openFiles(new SocketFiles(() -> sockets == null ? List.of() : List.of(sockets)));
        process.onExit(status -> {
            if (exitStatus == null) {
                exitStatus = status;
            }
        });
    }

    /** Sends what this context's program prints to {@code out} (an image's daemon writing to the container's log). */
    Exec output(Output out) {
        this.sink = out;
        return this;
    }

    /**
     * Runs as a command of the host's terminal: {@link #run} waits for the process as a job of
     * {@code jobs} (Ctrl-C, Ctrl-Z, {@code &}), its lines reaching the terminal as they are written
     * when the command's stdout is the terminal.
     */
    public Exec foreground(JobControl jobs) {
        this.jobs = jobs;
        return this;
    }

    /** The process is a child of {@code pid} (the shell that starts it), in its process group. */
    Exec parent(int pid) {
        this.ppid = pid;
        return this;
    }

    @Override
    public int pid() {
        return process == null ? 0 : process.pid();
    }

    /** The process holds {@code held} ({@link Credentials}): the sockets it opens ask them. */
    public Exec credentials(Capabilities held) {
        this.caps = held;
        this.sockets = null; // opened from now on with what it holds
        return this;
    }

    /** The process runs as {@code who} ({@link ExecUser}); its writes are checked against it ({@link FileAccess}). */
    public Exec user(dev.dockwire.app.Cred who) {
        this.cred = who;
        return this;
    }

    @Override
    public dev.dockwire.app.Cred cred() {
        return cred;
    }

    /**
     * Lines piped to the process's stdin (null: /dev/null), kept as given, not copied: a shell's
     * stdin handed on is consumed only as far as the process reads it (app.sh's SharedStdin).
     */
    public Exec stdin(List<String> lines) {
        this.stdin = lines == null ? List.of() : lines;
        return this;
    }

    @Override
    public List<String> stdin() {
        return stdin;
    }

    /** The terminal its stdin, stdout and stderr are ({@code docker run -t}'s pty, its size), or null: none. */
    private dev.dockwire.app.Winsize tty;

    /** The process runs on a terminal of {@code size} (its stdin, stdout and stderr: runc's console); null: none. */
    public Exec tty(dev.dockwire.app.Winsize size) {
        this.tty = size;
        return this;
    }

    @Override
    public dev.dockwire.app.Winsize winsize(int fd) {
        return fd >= 0 && fd <= 2 ? tty : null;
    }

    /** The process, once started. */
    public Process process() {
        return process;
    }

    /**
     * Starts {@code program} with {@code args} and runs the loop until it exits or daemonizes; as
     * a job of the terminal also until Ctrl-Z stops it or {@code &} leaves it in the background
     * (then it returns what it printed so far: status 148 when stopped).
     */
    public CommandOutput run(String name, Program program, List<String> args) {
        spawn(name, args, Map.of());
        if (jobs != null && !jobs.live()) {
            job = begin(); // in a script, what it writes at once keeps its place among the background jobs' lines
        }
        launch(program, args);
        if (jobs == null) {
            loop.runUntil(() -> exitStatus != null || daemon);
        } else {
            if (job == null) {
                job = begin();
            }
            JobControl.Wait w = jobs.await(job);
            if ((jobs.live() || w == JobControl.Wait.BACKGROUND) && (w != JobControl.Wait.DONE || exitStatus == null && !daemon)) {
                // Stopped, in the background, or its docker client gone: the process lives on.
                return new CommandOutput(w == JobControl.Wait.STOPPED ? 148 : w == JobControl.Wait.BACKGROUND ? 0 : job.status(),
                        output.lines());
            }
        }
        if (exitStatus != null) {
            pids.reap(process.pid());
        }
        if (daemon && exitStatus == null) {
            return CommandOutput.ok(output.lines());
        }
        List<String> lines = new ArrayList<>(output.lines());
        if (job != null && job.timedOut()) {
            lines.add(jobs.timedOut(job.command()));
        }
        if (exitStatus == null) {
            lines.add("dockwire: " + name + " did not exit (no more events)");
            exitStatus = 1;
        }
        return new CommandOutput(exitStatus, List.copyOf(lines), output.errors());
    }

    /**
     * The process's job: the terminal's signals (Ctrl-C, Ctrl-Z) and bash's kill %N go to its
     * process group, the process and the children it started (a shell's foreground program).
     */
    private Job begin() {
        Process p = process;
        return jobs.begin(p.hostPid(), s -> pids.killGroup(p.pid(), s), () -> exitStatus != null || daemon,
                () -> exitStatus == null ? 0 : exitStatus);
    }

    /** The process's sockets once its program has opened one, else null. */
    GuardedSockets openedSockets() {
        return sockets;
    }

    /** The sockets the process has bound and holds open (listening TCP, bound UDP), as {@code ss -p} finds them by fd. */
    public List<OpenFiles.Socket> boundSockets() {
        return sockets == null ? List.of() : bound(sockets);
    }

    /** {@code sockets}' bound ones as open files. */
    static List<OpenFiles.Socket> bound(GuardedSockets sockets) {
        List<OpenFiles.Socket> out = new ArrayList<>();
        for (GuardedSockets.Bound b : sockets.bound()) {
            out.add(new OpenFiles.Socket(b.proto(), b.addr(), b.port(), b.fd()));
        }
        return out;
    }

    @Override
    public Sockets sockets() {
        if (sockets == null) {
            sockets = new GuardedSockets(CapableKernel.of(engine.kernel(), caps).sockets(netns), guard);
        }
        return sockets;
    }

    @Override
    public long nanos() {
        return loop.nanos();
    }

    @Override
    public long epochMillis() {
        return loop.epochMillis();
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        Timeout t = loop.schedule(delayNanos, () -> {
            if (exitStatus == null && process != null) {
                // A stopped process's timer fires when SIGCONT resumes it.
                process.whenRunning(() -> {
                    if (exitStatus == null) {
                        guarded(task);
                    }
                });
            } else if (exitStatus == null) {
                guarded(task);
            }
        });
        return t::cancel;
    }

    @Override
    public String readFile(String path) {
        if (process != null && path.startsWith("/proc/self/")) {
            // /proc/self is a link to the reader's own pid (proc_self_get_link): the shell's, or what it exec'd in place
            String own = files.readFile("/proc/" + process.pid() + path.substring("/proc/self".length()));
            if (own != null) {
                return own;
            }
        }
        return files.readFile(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return files.isDirectory(path);
    }

    @Override
    public String writeError(String path) {
        String why = files.writeError(path);
        if (why == null) {
            why = FileAccess.writeError(cred, path);
        }
        if (why != null || files.readFile(path) == null) {
            return why;
        }
        int mode = files.mode(path);
        return mode >= 0 ? FileAccess.permission(cred, files.owner(path), mode, 2) : FileAccess.writeError(cred, path, files.owner(path));
    }

    @Override
    public void writeFile(String path, String content) {
        // open(2) with O_CREAT: a new file is its creator's (fsuid, fsgid); an existing one keeps its owner
        boolean creates = (cred.uid() > 0 || cred.gid() > 0) && files.readFile(path) == null;
        files.writeFile(path, content, false);
        if (creates) {
            files.own(path, cred.uid(), cred.gid());
        }
    }

    @Override
    public String readError(String path) {
        return FileAccess.readError(cred, path, files.owner(path), files.mode(path));
    }

    @Override
    public String chmod(String path, int mode) {
        // The caller stat(2)ed it: a file, a directory made here, or the image's (whose fields are not kept: NOT_KEPT below).
        long owner = Math.max(0, files.owner(path));
        if (!cred.root() && (int) (owner >>> 32) != cred.uid()) {
            return "Operation not permitted"; // chmod_common's inode_owner_or_capable
        }
        return files.change(path, mode, -1, 0) ? null : NOT_KEPT;
    }

    @Override
    public String chown(String path, int uid, int gid) {
        long owner = Math.max(0, files.owner(path));
        int newUid = uid < 0 ? (int) (owner >>> 32) : uid;
        int newGid = gid < 0 ? (int) owner : gid;
        // chown_ok/chgrp_ok: without CAP_CHOWN only the owner may, keeping the uid, to a group of its own
        if (!cred.root() && ((int) (owner >>> 32) != cred.uid() || newUid != cred.uid()
                || newGid != (int) owner && newGid != cred.gid() && !cred.groups().contains(newGid))) {
            return "Operation not permitted";
        }
        return files.change(path, -1, newUid, newGid) ? null : NOT_KEPT;
    }

    @Override
    public int random(int bound) {
        return engine.random().nextInt(bound);
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public String getenv(String name) {
        return process == null ? null : process.env().get(name);
    }

    @Override
    public void sample(String metric, long nanos) {
        engine.sample(metric, nanos);
    }

    @Override
    public void daemonize() {
        daemon = true;
    }

    @Override
    public void onSignal(Signal signal, Runnable handler) {
        if (process == null) {
            spawn("daemon", List.of(), Map.of());
        }
        process.handle(signal, handler == null ? null : () -> {
            if (exitStatus == null) {
                handler.run();
            }
        });
    }

    @Override
    public void out(String line) {
        write("stdout", line);
    }

    @Override
    public void err(String line) {
        write("stderr", line);
    }

    private void write(String stream, String line) {
        if (exitStatus != null) {
            return;
        }
        if (sink != null) {
            sink.line(stream, line);
        } else if (job != null && job.streams()) {
            job.print(line);
        } else if (!daemon) {
            if (stream.equals("stderr")) {
                output.addError(line);
            } else {
                output.add(line);
            }
        }
    }

    @Override
    public boolean alive() {
        return exitStatus == null;
    }

    @Override
    public void exit(int status) {
        if (exitStatus == null) {
            exitStatus = status;
            if (process != null) {
                process.exit(status);
            }
        }
    }
}
