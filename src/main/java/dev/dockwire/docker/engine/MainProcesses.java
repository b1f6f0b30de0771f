package dev.dockwire.docker.engine;

import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.app.bin.Programs;
import dev.dockwire.app.bin.TailFollow;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.NamespaceModes;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import dev.dockwire.socket.GuardedSockets;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/**
 * Each running container's PID namespace and its first process, as containerd-shim starts it on
 * {@code docker start}: argv is the image's ENTRYPOINT followed by the command given or the
 * image's CMD ({@link ImageConfig#argv}); {@code /docker-entrypoint.sh} runs its arguments. The
 * process is a modelled program when {@code argv[0]} names one ({@link Programs}), else, unless it is
 * one the container's shell runs ({@code ls}: {@link #serves}), the image's daemon
 * ({@link ImageDaemons}: nginx, httpd, ...), which quits on SIGTERM, SIGQUIT and
 * SIGINT with status 0; else a process with no program that runs until it is killed. A shell
 * becomes what it execs ({@link ShellExec}), runs its script as the container's shell
 * ({@link ContainerCommands#shell}: loops, traps, the image's programs), or exits at once when its stdin is closed. Its stdout
 * and stderr go to the container's {@link ContainerLog}. Its {@link HealthMonitor} probes it while it runs.
 */
final class MainProcesses {
    private final Engine engine;
    private final EventLoop clock;
    private final Map<String, ContainerProcesses> running = new HashMap<>();
    private final Map<String, ContainerLog> logs = new LinkedHashMap<>();
    private final HealthMonitor health;
    private final EndOfInput endOfInput;
    private int lastHostPid = 1000;
    /** The host's next pid, one supplier for every container's PID namespace. */
    private final IntSupplier nextHostPid = () -> ++lastHostPid;

    MainProcesses(Engine engine, EventLoop clock) {
        this.engine = engine;
        this.clock = clock;
        this.health = new HealthMonitor(engine, clock);
        this.endOfInput = new EndOfInput(clock);
    }

    /** What {@code c} runs: its first process's argv without the images' entrypoint script, which execs its arguments. */
    static List<String> program(Container c) {
        return effective(Images.argv(c));
    }

    /**
     * runc's error when {@code c}'s first process is a program its image lacks (a declared image
     * serves and runs nothing to look up; a built image's skipped RUN lines may have made it), or null.
     */
    static ProgramLookup.Missing missing(Container c, ImageDaemons.Declared declared) {
        List<String> argv = Images.argv(c);
        if (declared != null || argv.isEmpty() || c.pinnedImage() != null && c.pinnedImage().skippedRuns()) {
            return null;
        }
        return Images.lookup(c, argv.get(0), path -> c.file(path) != null) instanceof ProgramLookup.Missing m ? m : null;
    }

    /**
     * The declaration ({@code # dockwire: image}, x-dockwire, a Dockerfile's {@code # dockwire: http})
     * that serves as {@code c}'s main process: it says what the image's program serves, so a command
     * given to the container runs instead when it names a program dockwire runs itself
     * ({@code docker run IMG cat /etc/resolv.conf}); one naming the application ({@code npm start}) is
     * that program, and the declaration serves.
     */
    ImageDaemons.Declared serving(Container c, ImageDaemons.Declared declared) {
        if (declared == null || c.entrypoint() == null && c.cmd().isEmpty()) {
            return declared;
        }
        List<String> run = ShellExec.direct(effective(Images.argv(c)), name -> ProcessEnv.of(c).get(name));
        return run.isEmpty() || !ContainerCommands.runs(engine, run.get(0)) ? declared : null;
    }

    /**
     * Whether {@code run} is the image's own CMD naming an application dockwire cannot run
     * ({@code node server.js}, {@code python app.py}): the image has it — or a RUN line the build skipped
     * would have installed it ({@code pip install flask}, then {@code CMD ["flask", "run"]}) — and no model
     * does. It runs as PID 1 until stopped, serving nothing, and says so once in the container's log. A
     * command given to the container instead is run as the container's shell would run it.
     */
    private boolean idleApplication(Container c, List<String> run) {
        return c.entrypoint() == null && c.cmd().isEmpty() && !run.isEmpty() && !ContainerCommands.runs(engine, run.get(0))
                && Images.config(c) != null && (Images.lookup(c, run.get(0), path -> c.file(path) != null) instanceof ProgramLookup.Found
                        || c.pinnedImage() != null && c.pinnedImage().skippedRuns());
    }

    /**
     * Whether PID 1 of {@code c} running {@code run} is the image's own server, which {@link ImageDaemons}
     * models. The entrypoint scripts end in {@code exec "$@"} (docker-library's docker-entrypoint.sh, nginx's),
     * so {@code docker run nginx ls /} makes {@code ls} PID 1, not nginx: a program dockwire runs itself (an
     * applet, a builtin, a modelled program; {@link ContainerCommands#runs}) is not the server, and it runs
     * and ends as in any image, unless it is the program the image's own command runs (traefik/whoami's
     * {@code /whoami}, named as the whoami applet is).
     */
    private boolean serves(Container c, List<String> run) {
        if (run.isEmpty() || !ContainerCommands.runs(engine, run.get(0))) {
            return true;
        }
        ImageConfig config = Images.config(c);
        List<String> own = config == null ? List.of() : ShellExec.direct(effective(config.argv(List.of())), name -> ProcessEnv.of(c).get(name));
        return !own.isEmpty() && own.get(0).equals(run.get(0));
    }

    /** What runs: argv without the images' entrypoint script, which execs its arguments. */
    private static List<String> effective(List<String> argv) {
        if (!argv.isEmpty() && (argv.get(0).equals("/docker-entrypoint.sh") || argv.get(0).equals("docker-entrypoint.sh"))) {
            return argv.subList(1, argv.size());
        }
        return argv;
    }

    /**
     * Starts {@code c}'s main process as PID 1 of a new PID namespace; {@code exited} hears its
     * status when it ends by itself or by a signal.
     */
    void start(Container c, ImageDaemons.Declared declared, BiConsumer<Container, Process> exited) {
        // libnetwork publishes the ports (a docker-proxy each, dockerd's children) before containerd starts the shim.
        List<Integer> proxies = List.of();
        if (engine.userlandProxy() && !c.published().isEmpty()) {
            List<Integer> proxyPids = new ArrayList<>();
            c.published().forEach(b -> proxyPids.add(++lastHostPid));
            proxies = proxyPids;
        }
        int shim = ++lastHostPid;
        // --pid container:X: runc joins X's namespace (oci_linux.go withNamespaces), where pids go on from X's.
        ContainerProcesses donor = joinsPid(c) ? running.get(NamespaceModes.joined(c.options().namespaces().pid())) : null;
        PidNamespace pids = donor != null ? donor.pids() : new PidNamespace(nextHostPid);
        if (donor == null) { // a joined namespace keeps what its own container's processes start with
            pids.limits(dev.dockwire.docker.Ulimit.apply(dev.dockwire.libc.Rlimits.CONTAINER, c.resources().ulimits()));
        }
        List<String> argv = Images.argv(c);
        Map<String, String> env = ProcessEnv.of(c);
        List<String> run = ShellExec.direct(effective(argv), env::get);
        // Refused at start already (HostConfigCheck); root without looking: its groups matter to its children only.
        ExecUser configured = ExecUser.specified(c);
        dev.dockwire.app.Cred user = configured == null || configured.refused() ? dev.dockwire.app.Cred.ROOT : configured.cred();
        Process tini = c.options().init() ? DockerInit.start(pids, argv, env, clock.nanos(), user.uid()) : null;
        Program program = declared != null || run.isEmpty() ? null : Programs.create(Images.provider(c, run.get(0)), run.get(0));
        if (program == null && declared == null) {
            program = ImageDaemons.command(c, run);
        }
        if (program == null && declared == null && TailFollow.follows(run)) {
            program = TailFollow.of(Images.provider(c, run.get(0)));
        }
        if (program != null && !run.equals(effective(argv))
                && Images.lookup(c, run.get(0), path -> c.file(path) != null) instanceof ProgramLookup.Missing) {
            program = null; // sh -c NAME for a NAME the image lacks: the shell looks it up and says so
            run = effective(argv);
        }
        ContainerProcesses r;
        if (program == null && declared == null && !c.openStdin() && ShellExec.readsStdin(run)) {
            // stdin is /dev/null: the shell reads end of file and exits 0 as the loop runs, as BusyBox's
            // true would when started now; no program, context, guard or log sink is kept for it (some
            // 450 bytes of each `docker run -d alpine` not yet run, the compose service without a command).
            Process init = pids.spawn(tini == null ? 0 : 1, run, env, clock.nanos());
            init.uid(user.uid());
            endOfInput.exitZero(init);
            r = new ContainerProcesses(pids, init, shim, null, true, proxies);
        } else if (program != null) {
            ContainerLog log = log(c);
            Exec exec = pid1Exec(c, pids, user);
            Process init = exec.start(run.get(0), program, run.subList(1, run.size()), env,
                    (stream, line) -> log.append(stream, clock.nanos(), line));
            r = new ContainerProcesses(pids, init, shim, null, true, proxies);
        } else if (declared == null && ShellExec.script(run) != null) {
            // sh -c 'while true; do ...; sleep 5; done': the container's shell runs the script as PID 1,
            // the programs it starts being processes of the container's namespace.
            ContainerCommands commands = new ContainerCommands(engine, clock, c, pids);
            ContainerLog log = log(c);
            Exec exec = pid1Exec(c, pids, user);
            String wd = Images.workingDir(c);
            Process init = exec.start(run.get(0), commands.shell(run.get(0), env).in(wd.isEmpty() ? "/" : wd), run.subList(1, run.size()), env,
                    (stream, line) -> log.append(stream, clock.nanos(), line));
            r = new ContainerProcesses(pids, init, shim, null, true, proxies);
        } else if (declared == null && !c.openStdin() && !serves(c, run)) {
            // ls /etc, cat /etc/os-release, sh /script.sh: a program the container's shell runs itself (an applet,
            // a text tool, a seam tool) is PID 1 and ends when it is done, detached or not (runc execs argv).
            // bash -c env: the shell runs it, so what it exports (PWD, SHLVL, bash's _) is what env prints.
            List<String> shell = ShellExec.script(effective(argv)) != null ? effective(argv) : null;
            ContainerCommands commands = new ContainerCommands(engine, clock, c, pids).user(user);
            String wd = Images.workingDir(c);
            String dir = wd.isEmpty() ? "/" : wd;
            List<String> pid1 = shell != null ? shell : run;
            Program program1 = shell != null ? commands.shell(shell.get(0), env).in(dir) : applet(commands.init().shell("sh", env).direct().in(dir), run.get(0));
            ContainerLog log = log(c);
            Exec exec = pid1Exec(c, pids, user);
            Process init = exec.start(pid1.get(0), program1, pid1.subList(1, pid1.size()), env,
                    (stream, line) -> log.append(stream, clock.nanos(), line));
            r = new ContainerProcesses(pids, init, shim, null, true, proxies);
        } else {
            List<String> title = declared == null ? ImageDaemons.title(c, run) : null;
            // an image's docker-entrypoint.sh ends in exec "$@": PID 1 is then the server it was given (postgres, redis-server)
            Process init = pids.spawn(tini == null ? 0 : 1, title != null ? title : argv.isEmpty() ? List.of("/bin/sh") : effective(argv), env, clock.nanos());
            init.uid(user.uid());
            // The log is made when a line is written or read (docker logs): a PID 1 that prints nothing has
            // none (some 80 bytes of each such container).
            GuardedSockets initSockets = crashable(c, init, argv.isEmpty() ? List.of("/bin/sh") : argv);
            List<Exec> contexts = new ArrayList<>(1);
            ImageDaemons.Daemon d = declared == null && !serves(c, run) ? null : ImageDaemons.start(declared, clock, c, initSockets, files -> {
                Exec e = new Exec(engine, clock, c.netns(), c.hostname(), ProcFiles.over(files, engine, clock, c)).credentials(Credentials.of(c))
                        .output((stream, line) -> log(c).append(stream, clock.nanos(), line));
                contexts.add(e);
                return e;
            }, pids);
            if (d != null) {
                // Only a daemon opens sockets (through initSockets or a context): without one PID 1 holds
                // none, and its guard, sockets and contexts are let go (some 180 bytes of each such container).
                init.openFiles(new SocketFiles(() -> {
                    List<GuardedSockets> open = new ArrayList<>(List.of(initSockets));
                    contexts.stream().map(Exec::openedSockets).filter(java.util.Objects::nonNull).forEach(open::add);
                    return open;
                }));
                // nginx: SIGQUIT graceful, SIGTERM/SIGINT fast shutdown, both exit 0; every daemon ends
                // cleanly on its image's STOPSIGNAL too (httpd's SIGWINCH is its graceful stop).
                Signal stop = Signal.parse(Images.stopSignal(c));
                for (Signal s : List.of(Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGINT, stop == null ? Signal.SIGTERM : stop)) {
                    init.handle(s, () -> {
                        d.shutdown(s);
                        init.exit(0);
                    });
                }
            }
            boolean idle = d == null && idleApplication(c, run);
            if (idle) {
                // Written as the program starts, after an attaching client has taken its place in the log.
                String said = "dockwire: " + String.join(" ", run) + ": a program dockwire cannot run; it runs and listens on nothing"
                        + " (say what it serves with '# dockwire: http PORT (hostname | text TEXT)' in its Dockerfile)";
                ContainerLog log = log(c);
                clock.schedule(0, () -> log.append("stderr", clock.nanos(), said));
                // The runtimes such programs run on (Python, the JVM, Go) end on SIGINT and SIGTERM even as PID 1.
                for (Signal s : List.of(Signal.SIGINT, Signal.SIGTERM)) {
                    init.handle(s, () -> init.exit(s.exitStatus()));
                }
            }
            r = new ContainerProcesses(pids, init, shim, d, d != null || idle, proxies);
        }
        running.put(c.id(), r);
        if (tini != null) {
            DockerInit.supervise(pids, tini, r.init());
        }
        r.init().onExit(status -> clock.schedule(0, () -> exited.accept(c, r.init())));
        health.started(c);
    }

    /** The context of {@code c}'s PID 1 run as {@code user}: the container's files with its /proc, its terminal. */
    private Exec pid1Exec(Container c, PidNamespace pids, dev.dockwire.app.Cred user) {
        return new Exec(engine, clock, c.netns(), c.hostname(), ProcFiles.over(ProcessFiles.of(c, clock), engine, clock, c), pids).user(user)
                .credentials(Credentials.of(c, user)).tty(tty(c)).parent(c.options().init() ? 1 : 0); // --init: tini's child
    }

    /** The terminal of {@code c}'s main process: runc's console under {@code docker run -t}, else none. */
    private static dev.dockwire.app.Winsize tty(Container c) {
        return c.tty() ? dev.dockwire.app.Winsize.DEFAULT : null;
    }

    /**
     * The process {@code argv} names run by the container's shell as its applet exec'd directly
     * ({@code sh -c 'exec "$@"' sh ARGV...}, as {@code docker exec C ls} runs one): PID 1's argv stays
     * {@code ls /etc}, as ps and {@code docker top} show it.
     */
    private static Program applet(dev.dockwire.app.sh.Sh sh, String argv0) {
        return (ctx, args) -> {
            // pwd, printf, kill: the shell's builtin does what the coreutils or BusyBox program it has would
            String script = dev.dockwire.app.sh.Sh.builtin(argv0.substring(argv0.lastIndexOf('/') + 1)) ? "\"$@\"" : "exec \"$@\"";
            List<String> viaShell = new ArrayList<>(List.of("-c", script, "sh", argv0));
            viaShell.addAll(args);
            sh.start(ctx, viaShell);
        };
    }

    /**
     * The sockets of an image's daemon running as PID 1 {@code init}: an exception in one of its
     * callbacks is the daemon's crash ({@link ProcessGuard}): its line on the container's stderr,
     * its sockets closed, PID 1 exited with status 1, and the container with it.
     */
    private GuardedSockets crashable(Container c, Process init, List<String> argv) {
        // docker-entrypoint.sh execs the server: the crashing process is named by its argv.
        String argv0 = argv.size() > 1 && argv.get(0).endsWith("docker-entrypoint.sh") ? argv.get(1) : argv.get(0);
        GuardedSockets[] sockets = new GuardedSockets[1];
        sockets[0] = new GuardedSockets(engine.kernel().sockets(c.netns()), new ProcessGuard(() -> argv0,
                () -> !init.exited(), line -> {
                    log(c).append("stderr", clock.nanos(), line);
                    sockets[0].closeAll();
                    init.exit(1);
                }));
        return sockets[0];
    }

    /**
     * kill(2) to the container's PID 1: {@code signal}, or when null the image's STOPSIGNAL
     * (SIGTERM when it names none). Returns PID 1.
     */
    Process signal(Container c, Signal signal) {
        ContainerProcesses r = running.get(c.id());
        Signal sig = signal;
        if (sig == null) {
            sig = Signal.parse(Images.stopSignal(c));
        }
        // A container in another's PID namespace is signalled at its own main process, which is no init there.
        r.pids().kill(joinsPid(c) ? r.init().pid() : 1, sig == null ? Signal.SIGTERM : sig);
        return r.init();
    }

    /** Whether {@code c} runs in another container's PID namespace ({@code --pid container:X}). */
    private static boolean joinsPid(Container c) {
        return NamespaceModes.joined(c.options().namespaces().pid()) != null;
    }

    /**
     * {@code docker pause}: the container's cgroup frozen (runc pause), its health monitor closed,
     * which reads {@code unhealthy} as moby's CloseMonitorChannel sets it (daemon/pause.go updateHealthMonitor).
     */
    void pause(Container c) {
        running.get(c.id()).pids().freeze();
        health.paused(c);
    }

    /** {@code docker unpause}: thawed; the health monitor runs again, its first probe an interval away. */
    void unpause(Container c) {
        running.get(c.id()).pids().thaw();
        health.unpaused(c);
    }

    /** PID 1 ends with {@code status} after writing {@code output} to stdout (see {@link Engine#exited}). */
    void exited(Container c, int status, List<String> output) {
        ContainerProcesses r = running.get(c.id());
        if (r == null) {
            return;
        }
        ContainerLog log = log(c);
        output.forEach(line -> log.append("stdout", clock.nanos(), line));
        r.init().exit(status);
    }

    /** The running container's processes, or null. */
    ContainerProcesses running(Container c) {
        return running.get(c.id());
    }

    /** The container's log (empty before its first start). */
    ContainerLog log(Container c) {
        return logs.computeIfAbsent(c.id(), id -> new ContainerLog(logOptions(c), ContainerLog.MEMORY_LIMIT_BYTES));
    }

    /** The json-file options the container's logger was made with (none when they do not parse: it never started). */
    private static JsonFileOptions logOptions(Container c) {
        try {
            return JsonFileOptions.parse(c.options().logOpts());
        } catch (dev.dockwire.docker.EngineException e) {
            return JsonFileOptions.UNLIMITED;
        }
    }

    /**
     * The container stopped: every process left in its namespace is killed (as when init dies),
     * the daemon closes its sockets. Returns PID 1's status (137 if it had to be killed now).
     */
    int stopped(Container c) {
        health.stopped(c);
        ContainerProcesses r = running.remove(c.id());
        if (r == null) {
            return 137;
        }
        if (joinsPid(c)) {
            r.pids().kill(r.init().pid(), Signal.SIGKILL); // its own cgroup's process; the namespace stays its owner's
        } else {
            r.pids().killAll();
        }
        if (r.daemon() != null) {
            r.daemon().stop();
        }
        return r.init().status();
    }

    /** {@code docker rm}: the log goes with the container. */
    void removed(Container c) {
        logs.remove(c.id());
    }

}
