package dev.dockwire.docker.engine;

import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.app.bin.Programs;
import dev.dockwire.app.bin.TailFollow;
import dev.dockwire.app.sh.Commands;
import dev.dockwire.app.sh.Dialect;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.kernel.Capabilities;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.text.TextTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * What a container's shell finds on its PATH: the image catalogue's programs ({@link Images#lookup}),
 * started as processes of the container's PID namespace ({@link Exec}); the kernel-state tools the
 * host registers ({@link ContainerTools}: {@code ip}, {@code ifconfig}, {@code tc}, ...), so that
 * {@code docker} needs nothing of {@code tools}; BusyBox's {@code ps}; and the shells themselves.
 * Everything it started is killed with {@link #killAll} (a healthcheck's timeout).
 */
public final class ContainerCommands implements Commands {
    /** The shells a container may run, by name. */
    private static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash");
    /** What an image outside the catalogue has besides the modelled programs: the shell's applets. */
    private static final Set<String> APPLETS = Set.of("cat", "ls", "env", "printenv", "id", "whoami", "touch", "hostname", "ps", "sleep", "date",
            "chmod", "chown", "mkdir", "rmdir", "cp", "mv", "ln", "stat", "readlink", "realpath", "which", "find",
            "pgrep", "pkill", "killall", "pidof", "timeout", "watch");

    private final Engine engine;
    private final EventLoop clock;
    private final Container c;
    private final PidNamespace pids;
    /** What it started and has not reaped; null until the first (a container's PID 1 shell keeps this object: 24 bytes each). */
    private List<Process> started;
    private boolean killed;
    /** What the shell's children hold: the container's capabilities, or all under {@code docker exec --privileged}. */
    private Capabilities caps;
    /** Who the shell's children run as: the shell's own user ({@link ExecUser}). */
    private dev.dockwire.app.Cred user;
    /** Whether what it runs is PID 1 itself, exec'd by runc ({@code docker run IMG ps}): {@code ps} lists itself as PID 1. */
    private boolean init;
    /** Whether its programs' stdout is a terminal ({@code docker exec -it}'s shell): apt words its progress for one. */
    private boolean terminal;

    ContainerCommands(Engine engine, EventLoop clock, Container c, PidNamespace pids) {
        this.engine = engine;
        this.clock = clock;
        this.c = c;
        this.pids = pids;
        ExecUser configured = ExecUser.of(c, null);
        this.user = configured.refused() ? dev.dockwire.app.Cred.ROOT : configured.cred();
        this.caps = Credentials.of(c, user);
    }

    /** The commands as a shell running as {@code who} starts them: its children run as it does. */
    public ContainerCommands user(dev.dockwire.app.Cred who) {
        this.user = who;
        return this;
    }

    /** The commands as a shell holding {@code held} starts them: its children inherit them (capset's bounding set). */
    public ContainerCommands credentials(Capabilities held) {
        this.caps = held;
        return this;
    }

    /** The commands as a shell at a terminal starts them: isatty(1) holds for its programs. */
    public ContainerCommands terminal() {
        this.terminal = true;
        return this;
    }

    /** What it runs is the container's PID 1 ({@link #init}). */
    ContainerCommands init() {
        this.init = true;
        return this;
    }

    /** The commands of {@code c} as its running processes' namespace (or one of their own when it is not running) sees them. */
    /**
     * Whether {@code argv} is a program the container's shell runs itself (an applet, readlink,
     * which, find, du, kill and its kin): {@code docker exec C PROG} runs it as {@code sh -c 'exec "$@"'}.
     */
    public static boolean runInShell(List<String> argv) {
        return dev.dockwire.app.sh.Applets.runs(argv.get(0)) || Readlink.handles(argv) || Which.handles(argv)
                || FindCommand.handles(argv) || DuCommand.handles(argv) || ContainerLn.handles(argv) || ProcessCommands.execs(argv);
    }

    public static ContainerCommands of(Engine engine, EventLoop clock, Container c) {
        ContainerProcesses procs = engine.processes(c);
        return new ContainerCommands(engine, clock, c, procs == null ? new PidNamespace(() -> 0, 1) : procs.pids());
    }

    /** The environment of {@code c}'s main process ({@link ProcessEnv}). */
    public static Map<String, String> environment(Container c) {
        return ProcessEnv.of(c);
    }

    /** The dialect of {@code shell} in {@code c}'s image: bash by name, dash where the image's sh is dash's, else BusyBox ash. */
    public static Dialect dialect(Container c, String shell) {
        String base = shell.substring(shell.lastIndexOf('/') + 1);
        if (base.equals("bash")) {
            return Dialect.BASH;
        }
        return "dash".equals(Images.provider(c, shell)) || base.equals("dash") ? Dialect.DASH : Dialect.ASH;
    }

    /** The container's shell {@code argv0} as a program with environment {@code env}. */
    public Sh shell(String argv0, Map<String, String> env) {
        return new Sh(argv0, dialect(c, argv0), this, env);
    }

    /** Whether dockwire runs {@code name} itself in a container: a modelled program, a shell, its builtin, an applet, a text tool or a seam tool. */
    static boolean runs(Engine engine, String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return Programs.create(base) != null || SHELLS.contains(base) || APPLETS.contains(base) || Sh.builtin(base)
                || TextTools.find(base) != null || engine.tools().find(base) != null || SystemCommands.handles(List.of(base));
    }

    @Override
    public String provider(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        ImageConfig config = Images.config(c);
        if (config == null) {
            return runs(engine, base) ? Images.BUSYBOX : null;
        }
        return ProgramLookup.in(config, name, path -> c.file(path) != null) instanceof ProgramLookup.Found f ? f.provider() : null;
    }

    @Override
    public String path(String name) {
        String provider = provider(name);
        return provider == null ? null : ProgramPaths.of(c, name, provider);
    }

    @Override
    public Running start(int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
        return launch(null, ppid, argv, env, stdin, out, done);
    }

    /**
     * execve(2) in the shell's process {@code pid} ({@code exec CMD}, the script's last command): the
     * program is that process, with its argv ({@code ps}, {@code docker top}, /proc/PID/cmdline and
     * comm, {@code pidof}), its pid, parent and start time kept ({@link Process#exec}).
     */
    @Override
    public Running exec(int pid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
        Process self = pids.process(pid);
        if (self == null || self.exited()) {
            return launch(null, 0, argv, env, stdin, out, done);
        }
        return launch(self, self.ppid(), argv, env, stdin, out, done);
    }

    @Override
    public void becomes(int pid, List<String> argv) {
        Process self = pids.process(pid);
        if (self != null) {
            self.exec(argv, self.env());
        }
    }

    /** Starts {@code argv} as a child of {@code ppid}, or ({@code in} not null) in that process, which execs it. */
    private Running launch(Process in, int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
        String name = argv.get(0);
        String base = name.substring(name.lastIndexOf('/') + 1);
        List<String> args = argv.subList(1, argv.size());
        boolean execByShell = in != null ? in == pids.init() : ppid == 0 && pids.init() != null && SHELLS.contains(shellName(pids.init()));
        Program server = server(base, args, execByShell);
        if (in != null) {
            in.exec(argv, env); // what runs now, in its own turn or the shell's, is the process
        }
        List<String> help = server == null && ("busybox".equals(provider(name)) || "alpine".equals(provider(name)))
                ? dev.dockwire.libc.BusyboxHelp.of(base, args) : null;
        if (help != null) { // appletlib.c's --help, before the applet runs
            help.forEach(out::err);
            clock.schedule(0, () -> done.accept(0));
            return running(in);
        }
        ContainerTools.Tool tool = server != null ? null : engine.tools().find(base);
        if (tool != null || base.equals("ps")) {
            CommandOutput r = tool != null ? tool.run(c, caps, argv, stdin) : ps(in, ppid, argv);
            r.output().forEach(out::out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && PackageManagers.handles(name) && provider(name) != null) {
            CommandOutput refused = PackageLock.refusal(argv, user);
            CommandOutput r = refused != null ? refused : PackageManagers.run(engine::findNetwork, c, argv, terminal);
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && (ContainerDirs.handles(argv) || ContainerLn.handles(argv)) && provider(name) != null) {
            CommandOutput r = ContainerLn.handles(argv) ? ContainerLn.run(c, argv, env, user, clock.nanos())
                    : ContainerDirs.run(c, argv, env, user, clock.nanos());
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && BusyboxAdduser.handles(argv) && provider(name) != null) {
            CommandOutput r = BusyboxAdduser.run(c, argv, env, user, clock.nanos(), engine.epochMillis() + clock.nanos() / 1_000_000);
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && ContainerCopy.handles(argv) && provider(name) != null) {
            CommandOutput r = ContainerCopy.run(c, argv, env, user);
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && StatCommand.handles(argv) && provider(name) != null) {
            CommandOutput r = StatCommand.run(c, argv, env, this::stat);
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && (Readlink.handles(argv) || Which.handles(argv) || FindCommand.handles(argv) || DuCommand.handles(argv)) && provider(name) != null) {
            String cwd = env.getOrDefault("PWD", "/");
            boolean busybox = Set.of("busybox", "alpine").contains(provider(name));
            FindCommand find = FindCommand.handles(argv) ? new FindCommand(busybox, this::stat, this::list)
                    .deleter(p -> ContainerRm.unlink(c, p.startsWith("/") ? p : (cwd.endsWith("/") ? cwd : cwd + "/") + p)) : null;
            CommandOutput r = Which.handles(argv) ? Which.run(argv, this::path)
                    : find != null ? find.run(argv, cwd)
                    : DuCommand.handles(argv) ? new DuCommand(busybox, this::stat, this::list).run(argv, cwd)
                    : new Readlink(busybox, this::stat, this::readlink).run(argv, cwd);
            print(r, out);
            if (find != null && !find.execs().isEmpty()) { // -exec's commands, one after another, as find's children
                return launch(in, ppid, List.of("sh", "-c", FindExec.script(find, r.status())), env, stdin, out, done);
            }
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && ContainerTar.handles(c, argv) && provider(name) != null) {
            CommandOutput r = ContainerTar.run(c, argv, env, user.uid(), this::stat);
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && SystemCommands.handles(argv) && provider(name) != null) {
            CommandOutput r = SystemCommands.run(engine, c, argv, provider(name), clock.nanos(), path -> stat(path) != null);
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && ProcessCommands.handles(argv) && provider(name) != null) {
            CommandOutput r = ProcessCommands.run(pids, in, argv, provider(name), ppid, user.uid(), clock.nanos());
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        if (server == null && ContainerRm.handles(argv) && provider(name) != null) {
            CommandOutput r = ContainerRm.run(c, argv, env.get("PWD"));
            print(r, out);
            clock.schedule(0, () -> done.accept(r.status()));
            return running(in);
        }
        Program program = server != null ? server : SHELLS.contains(base) ? shell(name, env)
                : base.equals("timeout") && provider(name) != null ? new Timeout(Set.of("busybox", "alpine").contains(provider(name)), this, env, stdin)
                : base.equals("watch") && Set.of("busybox", "alpine").contains(provider(name)) ? new Watch(this, env)
                : TailFollow.follows(argv) ? TailFollow.of(provider(name)) : Programs.create(provider(name), base);
        if (program == null) {
            return null;
        }
        if (killed) {
            return running(in);
        }
        Exec exec = new Exec(engine, clock, c.netns(), c.hostname(), ProcFiles.over(ProcessFiles.of(c, clock), engine, clock, c), pids).user(user).credentials(caps).stdin(stdin)
                .parent(ppid);
        BrokenPipe pipe = BrokenPipe.of(out.reader(), clock);
        Process[] self = new Process[1];
        boolean[] broken = new boolean[1];
        Exec.Output sink = (stream, line) -> {
            if (stream.equals("stdout")) {
                if (broken[0] || pipe != null && !pipe.write(line)) {
                    if (!broken[0]) {
                        broken[0] = true; // its write failed: SIGPIPE's default action ends it (141), in its own turn
                        clock.schedule(0, () -> {
                            if (self[0] != null && !self[0].exited()) {
                                pids.kill(self[0].pid(), Signal.SIGPIPE);
                            }
                        });
                    }
                    return;
                }
                out.out(line);
            } else {
                out.err(line);
            }
        };
        Process p = in != null ? exec.execve(in, program, args, sink) : exec.start(name, program, args, env, sink);
        self[0] = p;
        if (in != null) { // the shell's process, which its own parent reaps
            p.onExit(status -> {
                if (!killed) {
                    done.accept(status);
                }
            });
            return running(p);
        }
        started().add(p);
        p.onExit(status -> {
            pids.reap(p.pid());
            started.remove(p);
            if (!killed) {
                done.accept(status);
            }
        });
        return running(p);
    }

    /**
     * The image's own server when a script starts it in the foreground, as its CMD names it
     * ({@code nginx -g 'daemon off;'} after an {@code envsubst}, {@code redis-server}, {@code postgres}):
     * dockwire's model of it serves until a signal stops it, as when the server is PID 1 itself
     * ({@link ImageDaemons}). Null for anything else, and for nginx's control options ({@code -s},
     * {@code -t}, {@code -v}), which talk to a running master instead. {@code execByShell}: PID 1's shell
     * exec'd it, so it is PID 1 ({@link ImageDaemons#execByShell}).
     */
    private Program server(String base, List<String> args, boolean execByShell) {
        List<String> cmd = ImageDaemons.models(c) ? Images.config(c).cmd() : List.of();
        if (cmd.isEmpty() || !base.equals(cmd.get(0).substring(cmd.get(0).lastIndexOf('/') + 1))
                || !args.isEmpty() && Set.of("-s", "-t", "-T", "-v", "-V", "-h", "-?").contains(args.get(0))) {
            return null;
        }
        return (ctx, a) -> {
            ImageDaemons.Daemon d = execByShell ? ImageDaemons.execByShell(clock, c, ctx.sockets(), ctx, pids)
                    : ImageDaemons.start(null, clock, c, ctx.sockets(), files -> ctx);
            if (d == null) {
                ctx.exit(0);
                return;
            }
            for (Signal s : List.of(Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGINT)) {
                ctx.onSignal(s, () -> {
                    d.shutdown(s);
                    d.stop();
                    ctx.exit(0);
                });
            }
        };
    }

    /** {@code r}'s lines in the order printed, those it printed on stderr to {@code out}'s stderr. */
    private static void print(CommandOutput r, Output out) {
        List<String> errors = r.errors();
        int e = 0;
        List<String> lines = r.output();
        boolean open = dev.dockwire.text.Lines.unterminated(lines); // its last line written without a newline
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (e < errors.size() && line.equals(errors.get(e))) {
                e++;
                out.err(line);
            } else if (open && i == lines.size() - 1) {
                out.outPartial(line);
            } else {
                out.out(line);
            }
        }
    }

    /** The program name of {@code init}'s argv[0] ({@code /bin/sh}: sh). */
    private static String shellName(Process init) {
        String argv0 = init.argv().isEmpty() ? "" : init.argv().get(0);
        return argv0.substring(argv0.lastIndexOf('/') + 1);
    }

    private Running running(Process p) {
        return new Running() {
            @Override
            public int pid() {
                return p == null ? 0 : p.pid();
            }

            @Override
            public void signal(Signal signal) {
                if (p != null && !p.exited()) {
                    pids.kill(p.pid(), signal);
                }
            }
        };
    }

    /** SIGKILLs everything started here (the shell included when it was) and reaps it; nothing reports its end any more. */
    public void killAll() {
        killed = true;
        for (Process p : List.copyOf(started())) {
            if (!p.exited()) {
                pids.kill(p.pid(), Signal.SIGKILL);
            }
            pids.reap(p.pid());
        }
        started().clear();
    }

    private List<Process> started() {
        if (started == null) {
            started = new ArrayList<>(1);
        }
        return started;
    }

    /** Records {@code p} (the shell this serves) among what {@link #killAll} ends. */
    public void owns(Process p) {
        started().add(p);
    }

    /** The limits of the shell's process ({@code ulimit}), else what the container's processes start with. */
    @Override
    public dev.dockwire.libc.Rlimits rlimits(int pid) {
        Process p = pid == 0 ? null : pids.process(pid);
        return p != null ? p.limits() : pids.limits();
    }

    /**
     * setrlimit(2) as the shell's user: raising a hard limit needs CAP_SYS_RESOURCE, which Docker's
     * default set lacks ({@code --cap-add SYS_RESOURCE}, {@code --privileged}) and a non-root user never holds.
     */
    @Override
    public String setrlimit(int pid, dev.dockwire.libc.Rlimits now, dev.dockwire.libc.Rlimit r, long soft, long hard) {
        String why = now.check(r, soft, hard, user.root() && c.options().hasCapability("CAP_SYS_RESOURCE"));
        Process p = why != null || pid == 0 ? null : pids.process(pid);
        if (p != null) {
            p.limits(now.with(r, soft, hard));
        }
        return why;
    }

    @Override
    public dev.dockwire.app.sh.Kill.Killer killer() {
        return ProcessCommands.killer(pids);
    }

    /**
     * lstat(2) of {@code path}; with a trailing slash, stat(2): the links at its end followed (each relative to its
     * directory, at most 40 as the kernel's MAXSYMLINKS), the convention of {@code ls -L}, {@code find -L} and {@code test}.
     */
    @Override
    public Stat stat(String path) {
        if (path.length() > 1 && path.endsWith("/")) {
            String at = path.substring(0, path.length() - 1);
            Stat s = lstat(at);
            for (int hops = 0; s != null && s.symlink(); hops++) {
                String target = hops < 40 ? readlink(at) : null;
                if (target == null) {
                    return null;
                }
                at = dev.dockwire.libc.LexicalPath.clean(at.substring(0, Math.max(1, at.lastIndexOf('/'))), target);
                s = lstat(at);
            }
            if (s != null) {
                return s;
            }
        }
        return lstat(path);
    }

    private Stat lstat(String path) {
        if (DevTmpfs.covers(path)) {
            long started = engine.epochMillis() + Math.max(0, c.startedAt() >= 0 ? c.startedAt() : c.created()) / 1_000_000;
            Stat dev = DevTmpfs.stat(c, path, started, p -> {
                Stat own = overlay(p);
                return own == null ? -1 : own.mtimeMillis();
            });
            if (dev != null) {
                return dev;
            }
        }
        return overlay(path);
    }

    /** stat(2) of what the image and the writable layer hold at {@code path}. */
    private Stat overlay(String path) {
        return ContainerStat.of(() -> engine.images().published(c.image()).created(), engine.epochMillis(), c, path, this::list);
    }

    @Override
    public List<String> list(String dir) {
        return ImageDirectories.names(c, dir);
    }

    @Override
    public long inode(String path) {
        return StatBlock.of(c, path).inode();
    }

    @Override
    public String readlink(String path) {
        return ContainerStat.readlink(c, path);
    }

    /** {@code ps}: the image's ({@link ContainerPs}), PID 1 itself when runc exec'd it ({@link #init}). */
    private CommandOutput ps(Process in, int ppid, List<String> argv) {
        return ContainerPs.run(c, pids, in != null ? in : init ? pids.init() : null, ppid, user.uid(), argv, clock.nanos(), engine.epochMillis(), 0,
                engine.tools()::hostProcesses);
    }
}
