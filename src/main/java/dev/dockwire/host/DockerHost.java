package dev.dockwire.host;

import dev.dockwire.app.Signal;
import dev.dockwire.app.sh.Dialect;
import dev.dockwire.app.Program;
import dev.dockwire.docker.engine.ProcessHost;
import dev.dockwire.app.bin.Programs;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.text.Flavour;
import dev.dockwire.text.TextResult;
import dev.dockwire.docker.cli.DockerCommand;
import dev.dockwire.docker.compose.ComposeCommand;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ExecConfig;
import dev.dockwire.docker.engine.ProcSys;
import dev.dockwire.docker.engine.Exec;
import dev.dockwire.kernel.Capabilities;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.proc.JobControl;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.ConntrackEvents;
import dev.dockwire.tools.IpNetns;
import dev.dockwire.tools.Tcpdump;
import dev.dockwire.tools.TcpdumpRead;
import dev.dockwire.tools.ToolJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emulated Docker host as a person at its terminal sees it: a shell whose commands are
 * {@code docker ...}, {@code ip}, {@code bridge}, {@code ping}, {@code sleep} and the text tools,
 * with the engine behind {@code docker}. Scripts and the interactive shell run lines here.
 */
public final class DockerHost implements ExecEnv, CliEnv {
    private final Engine engine;
    private final EventLoop loop;
    private final String hostname;
    private final HostFileSystem files;
    /** The prompt's shell: app.sh's bash, with the session's variables and {@code $?}. */
    private final HostSh loginShell;
    private final DockerCommand docker;
    private final HostJobs jobs;
    private final JobControl jobControl;
    private final LiveCommands live;
    private final HostTools tools;
    private final Map<String, String> environment = new LinkedHashMap<>();
    /** The host's {@code ~}: the directory it started in (a prompt shows {@code ~} there). */
    private String home;
    /** The terminal a user types at, or null when scripts run the host. */
    private InteractiveShell terminal;
    /** Whether the command under way writes to the terminal (not a pipe, a file or {@code $( )}). */
    private boolean stdoutTerminal = true;
    /** isatty(2) for the command under way, as the shell says it. */
    private boolean stderrTerminal = true;
    private long stepTimeoutNanos = 60_000_000_000L;
    private java.util.function.Function<String, DockerHost> sshHosts = name -> null;
    /** The LAN router's namespace as a process host (set by the world), for traces from the LAN. */
    private ProcessHost lan;
    private String lanNs;

    public DockerHost(Engine engine, EventLoop loop, String hostname) {
        this.engine = engine;
        this.loop = loop;
        this.hostname = hostname;
        this.docker = new DockerCommand(this);
        this.jobControl = new JobControl(loop);
        this.jobs = new HostJobs(jobControl);
        jobControl.limit(stepTimeoutNanos);
        this.live = new LiveCommands(jobControl, engine.kernel(), loop);
        this.tools = new HostTools(engine, loop);
        this.home = Path.of("").toAbsolutePath().normalize().toString();
        this.files = new HostFileSystem(home, () -> loop.epochMillis() + loop.nanos() / 1_000_000);
        this.loginShell = new HostSh(this);
        tools.datePlace(() -> new dev.dockwire.text.DateCommand.Place(dev.dockwire.text.TimeZones.of(environment.get("TZ"), true), p -> {
            HostFileSystem.Stat s = files.stat(p);
            return s == null ? null : java.time.Instant.ofEpochMilli(s.mtimeMillis());
        }));
        StringBuilder resolv = new StringBuilder();
        engine.hostNameservers().forEach(s -> resolv.append("nameserver ").append(s).append('\n'));
        files.put("/etc/resolv.conf", resolv.toString());
        files.put("/etc/hostname", hostname + "\n");
        // A Debian host's /etc/hosts, so that curl localhost and ping docker-host resolve as there.
        files.put("/etc/hosts", "127.0.0.1\tlocalhost\n127.0.1.1\t" + hostname + "\n\n"
                + "# The following lines are desirable for IPv6 capable hosts\n"
                + "::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n");
        ContainerEnv.registerTools(this);
        engine.volumes().hostFiles(new HostBindFiles(files)); // bind mounts see the host's files
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    public String hostname() {
        return hostname;
    }

    /** The terminal's job control: live once an interactive prompt attaches a terminal. */
    @Override
    public JobControl jobControl() {
        return jobControl;
    }

    /** {@code # dockwire: step-timeout N}: how long a foreground command that does not end may run. */
    public void stepTimeout(long nanos) {
        this.stepTimeoutNanos = nanos;
        jobControl.limit(nanos);
    }

    @Override
    public long stepTimeoutNanos() {
        return stepTimeoutNanos;
    }

    /** The directory relative paths name (a script's own directory when a script runs), which becomes the host's {@code ~}. */
    public void workingDirectory(Path dir) {
        String abs = dir.toAbsolutePath().normalize().toString();
        if (files.chdir(abs) == null) {
            home = abs;
        }
    }

    /** {@code cd DIR}: a directory of the host's file view ({@link HostFileSystem}); null goes home. */
    public String changeDirectory(String dir) {
        HostFileSystem.Errno e = files.chdir(dir == null ? home : dir.equals("~") || dir.startsWith("~/") ? home + dir.substring(1) : dir);
        return e == null ? null : dir + ": " + e.text;
    }

    /** The host's files as its commands see them. */
    HostFileSystem fileSystem() {
        return files;
    }

    @Override
    public String currentDirectory() {
        return files.cwd();
    }

    /** The host's {@code ~}: the directory it started in (a prompt shows {@code ~} there). */
    public Path home() {
        return Path.of(home);
    }

    /** {@code export NAME=value} (value null: unset): the variable reaches the host's programs. */
    public void export(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
    }

    @Override
    public Path workingDirectory() {
        return Path.of(files.cwd());
    }

    /** Variables the host's commands see, such as {@code COMPOSE_FILE} and {@code COMPOSE_PROJECT_NAME}. */
    @Override
    public Map<String, String> environment() {
        return environment;
    }

    /** A file a command names, relative to the working directory, in the host's file view (what it wrote, else the disk). */
    @Override
    public String readHostOrDisk(String path) {
        return files.read(path);
    }

    @Override
    public List<String> listHostOrDisk(String dir) {
        return files.walk(dir);
    }

    /** The world's LAN machine (its kernel and namespace) that {@code dockwire trace lan ...} probes from. */
    public void lan(ProcessHost lanKernel, String ns) {
        this.lan = lanKernel;
        this.lanNs = ns;
    }

    /** The LAN machine's kernel as a process host, or null when the world has no LAN. */
    ProcessHost lan() {
        return lan;
    }

    /** The LAN machine's namespace in {@link #lan()}'s kernel. */
    String lanNamespace() {
        return lanNs;
    }

    /** Runs {@code p} as a foreground process of {@code pids} in namespace {@code ns} of {@code on}, as a command of the host. */
    CommandResult runProgram(ProcessHost on, String ns, dev.dockwire.proc.PidNamespace pids, String name, Program p, List<String> args) {
        Exec exec = new Exec(on, loop, ns, hostname, this, pids).foreground(jobControl);
        return afterInterrupt(exec, result(exec.run(name, p, args)));
    }

    /** bash's newline after a foreground job SIGINT killed (jobs.c wait_for: the tty echoed {@code ^C} without one); none
     *  for a program that caught it (ping, tcpdump) or the docker client (which exits 130 itself). */
    private CommandResult afterInterrupt(Exec exec, CommandResult r) {
        if (jobControl.streaming() && exec.process() != null && exec.process().killedBy() == Signal.SIGINT) {
            jobControl.print("");
        }
        return r;
    }

    /** How {@code ssh HOST} finds the other hosts of the LAN (by name or address); null when unknown. */
    public void sshHosts(java.util.function.Function<String, DockerHost> lookup) {
        this.sshHosts = lookup;
    }

    /** {@code ssh [USER@]HOST COMMAND...}: the words joined run by sshd's {@code bash -c} there, a shell of its own (not its prompt's). */
    private CommandResult ssh(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            i += args.get(i).matches("-[oilpFJ]") ? 2 : 1;
        }
        if (i >= args.size()) {
            return CommandResult.fail(255, "usage: ssh [-o option] destination [command [argument ...]]");
        }
        String target = args.get(i).replaceFirst("^[^@]*@", "");
        DockerHost other = sshHosts.apply(target);
        if (other == null) {
            return CommandResult.fail(255, "ssh: Could not resolve hostname " + target + ": Name or service not known");
        }
        if (i + 1 >= args.size()) {
            return CommandResult.fail(255, "Pseudo-terminal will not be allocated because stdin is not a terminal.");
        }
        return HostSh.child(other, "bash", Dialect.BASH).line(String.join(" ", args.subList(i + 1, args.size())));
    }

    /** Runs one command line at the host's prompt ({@link HostSh#line}: background jobs' lines where they were written). */
    public CommandResult run(String line) {
        return loginShell.line(line);
    }

    /**
     * The script has ended: what its background jobs wrote last and a line for each still running,
     * which bash would leave running and the run ends with the world ({@link JobControl#scriptEnded}).
     */
    public List<String> finishJobs() {
        return jobControl.scriptEnded();
    }

    @Override
    public Flavour textFlavour() {
        return Flavour.GNU;
    }

    @Override
    public String readError(String path) {
        return files.loops(path) ? HostFileSystem.Errno.ELOOP.text : null;
    }

    @Override
    public String readFile(String path) {
        // The machine's identity is the emulated kernel's, not the disk's under this process.
        return ProcSys.covers(path) ? ProcSys.read(engine.kernel(), Kernel.HOST, path) : files.read(path);
    }

    @Override
    public boolean writeFile(String path, String content, boolean append) {
        return files.write(path, content, append) == null;
    }

    @Override
    public boolean isDirectory(String path) {
        return files.isDirectory(path);
    }

    @Override
    public List<String> walk(String path) {
        return files.walk(path);
    }

    /** Why open(2) of {@code path} with O_CREAT fails on the host's disk (none to hold it, a file on the way), or null. */
    @Override
    public String writeError(String path) {
        HostFileSystem.Errno e = files.creatable(path);
        return e == null ? null : e.text;
    }

    @Override
    public CommandResult exec(List<String> argv, List<String> stdin) {
        return exec(Kernel.HOST, argv, stdin);
    }

    /** {@code ls} lays its names out in columns when its output is the terminal; {@code docker save} refuses to write to it. */
    @Override
    public CommandResult exec(List<String> argv, List<String> stdin, boolean terminal) {
        if (HostFileCommands.has(argv.get(0))) {
            return fileCommand(argv, terminal);
        }
        if (argv.get(0).equals("tar")) {
            return HostTar.run(argv.subList(1, argv.size()), stdin, files, terminal);
        }
        boolean before = stdoutTerminal;
        stdoutTerminal = terminal;
        try {
            return exec(Kernel.HOST, argv, stdin);
        } finally {
            stdoutTerminal = before;
        }
    }

    /** As {@link #exec(List, List, boolean)}, with isatty(2): {@code docker run}'s pull lines go to stderr. */
    @Override
    public CommandResult exec(List<String> argv, List<String> stdin, boolean terminal, boolean stderrTerminal) {
        boolean before = this.stderrTerminal;
        this.stderrTerminal = stderrTerminal;
        try {
            return exec(argv, stdin, terminal);
        } finally {
            this.stderrTerminal = before;
        }
    }

    /** {@code mkdir}, {@code rmdir}, {@code rm}, {@code ls}, {@code clear} over the host's files, at the virtual clock's time. */
    private CommandResult fileCommand(List<String> argv, boolean terminal) {
        return HostFileCommands.run(argv.get(0), argv.subList(1, argv.size()), files, terminal, loop.epochMillis() + loop.nanos() / 1_000_000);
    }

    /**
     * Runs {@code argv} with its network namespace {@code ns}: the host's, or the one {@code ip
     * netns exec} or {@code nsenter} entered (the docker client reaches dockerd from any).
     */
    private CommandResult exec(String ns, List<String> argv, List<String> stdin) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (name.equals("conntrack") && ConntrackEvents.requested(args) || HostTools.watches(argv)) {
            return untilSignal(ns, argv, 0, new boolean[1]);
        }
        if (HostTools.has(name)) {
            return tools.run(ns, name, args, stdin, new IpNetns.Runner() {
                @Override
                public boolean exists(String command) {
                    return knows(command);
                }

                @Override
                public CommandResult run(String target, List<String> command) {
                    return exec(target, command, stdin);
                }
            });
        }
        return switch (name) {
            case "docker" -> result(args.isEmpty() || !args.get(0).equals("compose") ? docker.run(args, stdin) : compose(args));
            case "sleep" -> sleep(args);
            case "tcpdump" -> TcpdumpRead.reads(args) ? TcpdumpRead.run(workingDirectory(), args)
                    : jobControl.follows() ? live.tcpdump(ns, args, workingDirectory())
                    : Tcpdump.run(engine.kernel(), loop, ns, args, workingDirectory());
            case "jobs", "wait", "kill", "pkill", "killall", "fg", "bg", "disown" -> jobs.run(name, args);
            case "timeout" -> timeout(ns, args, stdin);
            case "ssh" -> ssh(args);
            case "hostname" -> CommandResult.ok(List.of(hostname));
            case "dockwire" -> dockwire(args);
            case "help" -> CommandResult.ok(HostHelp.text(hostname));
            case "sh", "/bin/sh", "bash", "/bin/bash", "dash", "/bin/dash" -> java.util.Objects.requireNonNullElseGet(HostSh.exec(this, name, args, stdin),
                    () -> terminal != null && terminal.openNested(name, args) ? CommandResult.ok(List.of()) // a nested prompt
                            : CommandResult.fail(127, "bash: " + name + ": command not found"));
            case "sudo" -> args.isEmpty() ? CommandResult.fail(1, "usage: sudo command") : exec(ns, args, stdin);
            default -> {
                if (HostFileCommands.has(name)) {
                    yield fileCommand(argv, false);
                }
                if (HostText.has(name)) {
                    yield HostText.run(name, args, stdin, this, Flavour.GNU, HostPath.commands(this)); // xargs's
                }
                Program p = Programs.create(name);
                if (p == null) {
                    yield CommandResult.fail(127, "bash: " + name + ": command not found");
                }
                Exec exec = new Exec(engine, loop, ns, hostname, this).foreground(jobControl).stdin(stdin);
                yield afterInterrupt(exec, result(exec.run(name, p, args)));
            }
        };
    }

    /** The shells on the host's PATH, which run {@code -c SCRIPT} as a child ({@link HostSh#exec}). */
    static final List<String> SHELLS = List.of("sh", "/bin/sh", "bash", "/bin/bash", "dash", "/bin/dash");

    /** Whether {@code name} is a command of the host (a tool, a program, a text tool): what exec finds on PATH. */
    boolean knows(String name) {
        return HostTools.has(name) || HostText.has(name) || HostFileCommands.has(name) || Programs.create(name) != null
                || SHELLS.contains(name) || List.of("docker", "sleep", "tcpdump", "kill", "pkill", "killall", "ssh", "hostname", "sudo", "timeout", "dockwire")
                .contains(name);
    }

    /** {@code docker compose ...}, usage texts included (the Compose plugin's, stored from the real one). */
    private CommandOutput compose(List<String> args) {
        return new ComposeCommand(this).run(args.subList(1, args.size()));
    }

    /**
     * {@code timeout DURATION COMMAND}: a command that runs until a signal ({@code tcpdump},
     * {@code conntrack -E}) or {@code sleep} gets SIGTERM when DURATION of virtual time has passed
     * (status 124, or with {@code --preserve-status} the command's: 0 for the tools, which end
     * cleanly on TERM, 143 for sleep); any other command of the host ends by itself and runs to its end.
     */
    private CommandResult timeout(String ns, List<String> args, List<String> stdin) {
        CommandResult[] refused = new CommandResult[1];
        HostTimeout t = HostTimeout.parse(args, refused);
        if (t == null) {
            return refused[0];
        }
        List<String> command = t.command().get(0).equals("sudo") && t.command().size() > 1
                ? t.command().subList(1, t.command().size()) : t.command();
        String name = command.get(0);
        List<String> rest = command.subList(1, command.size());
        boolean[] expired = new boolean[1];
        CommandResult r;
        if (name.equals("conntrack") && ConntrackEvents.requested(rest) || name.equals("tcpdump") && !TcpdumpRead.reads(rest)
                || HostTools.watches(command)) {
            r = untilSignal(ns, command, t.nanos(), expired);
        } else if (name.equals("sleep") && rest.size() == 1 && HostTimeout.duration(rest.get(0)) > t.nanos()) {
            r = sleep(List.of(t.nanos() / 1e9 + ""));
            expired[0] = r.status() == 0;
            r = expired[0] ? new CommandResult(143, r.output(), r.errors()) : r;
        } else {
            return exec(ns, command, stdin);
        }
        if (!expired[0]) {
            return r;
        }
        return new CommandResult(t.preserveStatus() ? r.status() : HostTimeout.TIMED_OUT, r.output(), r.errors());
    }

    /**
     * {@code tcpdump}, {@code conntrack -E} or {@code dmesg -w} in the foreground of namespace {@code ns}: at a live
     * terminal its lines as they come until Ctrl-C; in a script until the network falls silent;
     * with {@code limit} (ns) SIGTERM then, which sets {@code expired[0]}.
     */
    private CommandResult untilSignal(String ns, List<String> argv, long limit, boolean[] expired) {
        CommandResult[] refused = new CommandResult[1];
        ToolJob job = startJob(ns, argv, refused);
        if (job == null) {
            return refused[0];
        }
        Timeout end = limit > 0 ? loop.schedule(limit, () -> {
            expired[0] = !job.stopped();
            job.stop();
        }) : null;
        CommandResult r;
        if (jobControl.follows()) {
            r = live.follow(job);
        } else {
            loop.runUntil(job::stopped);
            job.stop();
            r = CommandResult.ok(job.drain());
        }
        if (end != null && job.stopped()) {
            end.cancel();
        }
        return r;
    }

    /** Starts a command that runs until a signal; null with its refusal in {@code refused[0]}. */
    private ToolJob startJob(String ns, List<String> argv, CommandResult[] refused) {
        if (HostTools.watches(argv)) {
            return HostTools.watch(engine.kernel(), loop.epochMillis(), ns, argv, refused);
        }
        List<String> args = argv.subList(1, argv.size());
        try {
            return argv.get(0).equals("conntrack") ? ConntrackEvents.start(engine.kernel(), loop, ns, args)
                    : Tcpdump.start(engine.kernel(), loop, ns, args, workingDirectory());
        } catch (ConntrackEvents.Refused e) {
            refused[0] = e.result();
        } catch (Tcpdump.Refused e) {
            refused[0] = e.result();
        }
        return null;
    }

    /** dockwire's own commands at the host's prompt: {@code dockwire trace}. */
    private CommandResult dockwire(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("trace")) {
            return new TraceCommand(this).run(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && (args.get(0).equals("report") || args.get(0).equals("graph"))) {
            // They read the session (its captures, its world): the shell's prompt runs them, as a line of their own.
            return CommandResult.fail(2, "dockwire " + args.get(0) + ": only as a line of its own at the shell's prompt");
        }
        return CommandResult.fail(2, TraceCommand.USAGE);
    }

    /** {@code sleep N}: lets N seconds of virtual time pass (timers, ARP ageing, retransmissions run). */
    CommandResult sleep(List<String> args) {
        return live.sleep(args);
    }

    ContainerEnv inside(Container c) {
        return new ContainerEnv(this, c);
    }

    /** A user's terminal now reads this host's commands: {@code -it} opens shells on it. */
    void terminal(InteractiveShell t) {
        this.terminal = t;
    }

    @Override
    public boolean stdinIsTerminal() {
        return terminal != null;
    }

    /** The user's terminal's size: its window's, else the 24 rows of 80 columns a VT100 has. */
    @Override
    public int[] terminalSize() {
        return terminal == null ? new int[] {0, 0} : terminal.windowSize();
    }

    @Override
    public boolean stdoutIsTerminal() {
        // a terminal: the interactive prompt's, or the live shell's (its job control's); then isatty(1) as the shell says
        return (terminal != null || jobControl.live()) && stdoutTerminal;
    }

    @Override
    public boolean stderrIsTerminal() {
        return (terminal != null || jobControl.live()) && stderrTerminal;
    }

    @Override
    public CommandOutput attachShell(Container c, List<String> argv, java.util.function.IntConsumer afterExit) {
        return terminal == null ? null : terminal.open(inside(c), argv, afterExit);
    }

    @Override
    public CommandOutput attachShell(Container c, ExecConfig exec, java.util.function.IntConsumer afterExit) {
        return terminal == null ? null : terminal.open(inside(c, exec), exec.cmd(), afterExit);
    }

    /** A shell opened from this host's prompt ended with {@code status}: the host's {@code $?}. */
    void exited(int status) {
        loginShell.status(status);
    }

    /** The host's login shell, the prompt's. */
    HostSh loginShell() {
        return loginShell;
    }

    /** The status the {@code exit} builtin of the prompt's last line ended the shell with (a script or session ends), or null. */
    public Integer exitStatus() {
        return loginShell.exitStatus();
    }

    @Override
    public CommandOutput execIn(Container c, List<String> argv) {
        return execIn(c, argv, null);
    }

    @Override
    public CommandOutput execIn(Container c, List<String> argv, List<String> stdin) {
        return output(inside(c).execDirect(argv, stdin));
    }

    @Override
    public CommandOutput exec(Container c, ExecConfig exec, List<String> stdin) {
        return output(inside(c, exec).execDirect(exec.cmd(), stdin));
    }

    /** The inside of {@code c} as {@code exec}'s process sees it: its directory, capabilities and environment. */
    private ContainerEnv inside(Container c, ExecConfig exec) {
        ContainerEnv env = inside(c).inDirectory(exec.workingDir()).exec(exec);
        return exec.privileged() ? env.credentials(Capabilities.ROOT) : env;
    }

    @Override
    public CommandOutput execDetached(Container c, ExecConfig exec, java.util.function.IntConsumer ended) {
        return output(inside(c, exec).execDetached(exec.cmd(), ended));
    }

    private static CommandOutput output(CommandResult r) {
        return new CommandOutput(r.status(), r.output(), r.errors());
    }

    /** The engine's output as the shell's result: the one place the docker side meets the host's tools. */
    static CommandResult result(CommandOutput o) {
        return new CommandResult(o.status(), o.output(), o.errors());
    }
}
