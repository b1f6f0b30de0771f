package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.docker.engine.ContainerProcesses;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ExecConfig;
import dev.dockwire.docker.engine.ClientEvents;
import dev.dockwire.docker.engine.Images;
import java.util.ArrayList;
import java.util.List;

/**
 * The docker CLI against the emulated engine: the container commands
 * {@code run|create|start|stop|restart|rm|ps|port|exec} here, the other families dispatched to
 * {@link NetworkCommand}, {@link InspectCommand}, {@link SwarmCommand} and {@link ServiceCommand};
 * printing what the real CLI prints
 * (table layouts, JSON, error wording and exit statuses: 125 for CLI/flag errors and failed
 * {@code run}, 1 for daemon errors, the command's own status for {@code exec}).
 */
public final class DockerCommand {
    private final CliEnv host;
    /** What was piped to the client for the command under way, or null. */
    private List<String> stdin;

    public DockerCommand(CliEnv host) {
        this.host = host;
    }

    private Engine engine() {
        return host.engine();
    }

    private ProcessCommands processes() {
        return new ProcessCommands(engine(), host.loop(), host.stepTimeoutNanos(), host.jobControl());
    }

    public CommandOutput run(List<String> args) {
        return run(args, null);
    }

    /** Runs {@code docker ARGS...} with {@code stdin} (null: none) piped to the client, which {@code exec -i} passes on. */
    public CommandOutput run(List<String> args, List<String> stdin) {
        this.stdin = stdin;
        try {
            return command(args);
        } finally {
            this.stdin = null;
        }
    }

    private CommandOutput command(List<String> args) {
        if (args.size() > 1 && (args.get(0).equals("builder") || args.get(0).equals("buildx")) && args.get(1).equals("build")) {
            args = args.subList(1, args.size()); // both are buildx build, as docker build is (cmd/docker/builder.go)
        }
        CommandOutput help = DockerUsage.answer(args);
        if (help != null) {
            return help;
        }
        String path = DockerHelp.path(args);
        try {
            return dispatch(args);
        } catch (HealthFlags.Invalid e) {
            return CommandOutput.fail(125, e.text(args.get(0)));
        } catch (GoTemplate.ParseError | GoTemplate.ExecError e) { // formatter.Context parseFormat and its rows (ps's own run: PsCommand)
            return CommandOutput.fail(1, "template parsing error: " + e.getMessage());
        } catch (CliFlags.HelpRequested e) {
            return DockerHelp.help(path, e.shorthand());
        } catch (CliFlags.FlagError e) {
            return DockerHelp.flagError(e.getMessage(), path);
        } catch (CliFlags.OptionError e) {
            return new CommandOutput(125, List.of(e.getMessage(), "", "Run 'docker " + path + " --help' for more information"));
        } catch (CliFlags.ParseError e) {
            return CommandOutput.fail(125, e.getMessage() + "\nSee 'docker " + path + " --help'.");
        }
    }

    private CommandOutput dispatch(List<String> args) {
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (cmd) {
            case "network" -> !rest.isEmpty() && rest.get(0).equals("prune") ? prune().network(rest.subList(1, rest.size()))
                    : new NetworkCommand(engine()).run(rest);
            case "system" -> system(rest);
            case "builder", "buildx" -> new BuildxCommand(stdin).run(cmd, rest); // builder.go: forwarded to the plugin
            case "volume" -> !rest.isEmpty() && rest.get(0).equals("prune") ? prune().volume(rest.subList(1, rest.size()))
                    : new VolumeCommand(engine()).run(rest);
            case "rename" -> RenameCommand.run(engine(), rest);
            case "swarm" -> new SwarmCommand(engine()).swarm(rest);
            case "node" -> new SwarmCommand(engine()).node(rest);
            case "service" -> new ServiceCommand(engine(), host.jobControl()).service(rest);
            case "run" -> runContainer(rest);
            case "create" -> create(rest);
            case "container" -> container(rest);
            case "start" -> start(rest);
            case "stop" -> new StopCommand(engine(), processes()).stop(rest, false);
            case "kill" -> new StopCommand(engine(), processes()).kill(rest);
            case "pause", "unpause" -> PauseCommand.run(engine(), rest, cmd.equals("pause"));
            case "restart" -> new StopCommand(engine(), processes()).stop(rest, true);
            case "rm" -> rm(rest);
            case "ps" -> new PsCommand(engine(), host.loop().nanos()).run(rest);
            case "inspect" -> new InspectCommand(engine()).run(rest, null);
            case "exec" -> exec(rest);
            case "port" -> PortCommand.run(engine(), rest);
            case "logs" -> processes().logs(rest);
            case "wait" -> processes().await(rest);
            case "attach" -> new AttachCommand(host, processes()).run(rest);
            case "top" -> new TopCommand(engine()).run(rest);
            case "version" -> SystemTemplates.versionCommand(rest, engine());
            case "info" -> new SystemInfo(engine()).info(rest);
            case "pull" -> ImagePull.pull(engine(), rest, host.stdoutIsTerminal()); // pull.go: jsonmessage to Out(), its IsTerminal
            case "images" -> images().list(rest);
            case "build" -> new BuildCommand(host).run(rest);
            case "rmi" -> images().remove("rmi", rest);
            case "tag" -> images().tag("tag", rest);
            case "image" -> image(rest);
            case "stats" -> new StatsCommand(engine()).run(rest);
            case "cp" -> new CpCommand(host, stdin).run(rest);
            case "diff" -> DiffCommand.run(engine(), rest);
            case "context" -> ContextCommand.run(rest);
            case "login" -> LoginCommand.login(rest, stdin, host.stdinIsTerminal());
            case "logout" -> LoginCommand.logout(rest);
            case "update" -> UpdateCommand.run(engine(), rest);
            case "events" -> new EventsCommand(engine(), host.loop(), processes(), host.jobControl()).run("events", rest);
            case "commit" -> CommitCommand.run(host, "commit", rest, System.currentTimeMillis());
            case "history" -> HistoryCommand.run(engine(), "history", rest, System.currentTimeMillis());
            case "save", "load", "export", "import" -> new ImageArchiveCommands(host, stdin, System.currentTimeMillis()).run(cmd, rest);
            default -> CommandOutput.fail(1, "docker: '" + cmd + "' is not a docker command.\nSee 'docker --help'");
        };
    }

    private PruneCommands prune() {
        return new PruneCommands(engine(), stdin);
    }

    private CommandOutput system(List<String> args) {
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        return switch (args.isEmpty() ? "" : args.get(0)) {
            case "prune" -> prune().system(rest);
            case "info" -> new SystemInfo(engine()).info(rest);
            case "df" -> new SystemDf(engine()).run(rest);
            case "events" -> new EventsCommand(engine(), host.loop(), processes(), host.jobControl()).run("system events", rest);
            default -> new CommandOutput(1, List.of("docker: unknown command: docker system " + args.get(0), "", "Usage:  docker system", "",
                    "Run 'docker system --help' for more information"));
        };
    }

    /** {@code docker rename CONTAINER NEW_NAME} (cli/command/container/rename.go over moby daemon/rename.go). */
    // ---- containers ---------------------------------------------------------------------

    private CommandOutput runContainer(List<String> args) {
        CliFlags f = CliFlags.parse(args, CreateFlags.SPECS, false);
        if (f.positional().isEmpty()) {
            return CliErrors.usage("run", "at least 1 argument", "[OPTIONS] IMAGE [COMMAND] [ARG...]");
        }
        boolean tty = !f.has("detach") && f.has("tty") && f.has("interactive");
        if (tty && !host.stdinIsTerminal()) {
            return TtyCheck.NOT_A_TTY; // before the container is created (run.go, runContainer)
        }
        Container c;
        CommandOutput pull;
        try {
            ContainerCreate req = CreateFlags.request(f, host);
            if (f.has("attach") && f.has("detach")) { // run.go runContainer, after the flags parsed
                return CommandOutput.fail(1, "conflicting options: cannot specify both --attach and --detach");
            }
            CidFile cid = CidFile.open(host, f.get("cidfile"), "run");
            pull = pullFor(f, req, true);
            if (pull.status() != 0) {
                return pull;
            }
            c = engine().create(req, CreateFlags.labels(f, host));
            if (cid != null) {
                cid.write(c.id());
            }
        } catch (EngineException e) {
            return runFailed(List.of(), e);
        } catch (CidFile.Refused e) {
            return e.output;
        }
        return ImagePull.after(pull, started(f, c, tty));
    }

    /** {@code docker run} once its container {@code c} is created: started, attached unless {@code -d}. */
    private CommandOutput started(CliFlags f, Container c, boolean tty) {
        try {
            if (!f.has("detach") && !CreateFlags.validDetachKeys(f.get("detach-keys"))) {
                return CommandOutput.fail(1, "unable to upgrade to tcp, received 400"); // the daemon refuses the attach; nothing starts
            }
            if (!f.has("detach")) {
                ClientEvents.attached(engine(), c); // run.go attaches before it starts the container
            }
            engine().start(c.name());
        } catch (EngineException e) {
            // run.go: the client created the container, printed its id when detached, then the start failed;
            // the container stays Created unless --rm (AutoRemove) has the daemon remove it.
            if (f.has("rm")) {
                autoRemoved(c);
            }
            return runFailed(f.has("detach") ? List.of(c.id()) : List.of(), e);
        }
        List<String> warnings = new ArrayList<>(publishWarning(f));
        if (engine().images().config(c.image()) == null) {
            warnings.add("WARNING: dockwire does not model image \"" + c.image() + "\": it runs no program"
                    + " (declare one with '# dockwire: image " + c.image() + " http PORT hostname')");
        }
        if (f.has("detach")) {
            if (f.has("rm")) {
                engine().autoRemove(c);
                engine().volumes().removeAnonymous(c); // when it was removed already
            }
            List<String> out = new ArrayList<>(warnings);
            out.add(c.id());
            return CommandOutput.ok(out);
        }
        if (f.has("tty") && host.stdinIsTerminal()) { // run.go: MonitorTtySize once the container started
            ClientEvents.resized(engine(), c, host.terminalSize()[0], host.terminalSize()[1]);
        }
        boolean rm = f.has("rm");
        List<String> cmd = engine().program(c);
        // -it with an interactive shell: a prompt inside the container; leaving it ends PID 1 with the shell's status.
        CommandOutput shell = tty && !cmd.isEmpty() ? host.attachShell(c, cmd, status -> {
            engine().exited(c, status, List.of());
            processes().await(() -> !c.running());
            if (rm) {
                autoRemoved(c);
            }
        }) : null;
        if (shell != null) {
            List<String> out = new ArrayList<>(warnings);
            out.addAll(shell.output());
            return new CommandOutput(shell.status(), out);
        }
        CommandOutput r = CreateFlags.attachedStreams(f, attached(c, rm));
        if (warnings.isEmpty()) {
            return r;
        }
        List<String> out = new ArrayList<>(warnings);
        out.addAll(r.output());
        return new CommandOutput(r.status(), out);
    }

    private static CommandOutput runFailed(List<String> before, EngineException e) {
        List<String> out = new ArrayList<>(before);
        out.addAll(List.of(("docker: Error response from daemon: " + e.getMessage()).split("\n")));
        out.add("");
        out.add("Run 'docker run --help' for more information");
        return new CommandOutput(CliErrors.runStatus(e.getMessage()), out, out.subList(before.size(), out.size()));
    }

    /** {@code --rm}: the daemon's autoremove, containerRm with RemoveVolume (its anonymous volumes go too). */
    private void autoRemoved(Container c) {
        engine().remove(c.name(), true, () -> { });
        engine().volumes().removeAnonymous(c);
    }

    /**
     * {@code docker run} without {@code -d} and {@code docker start -a}: attached to {@code c} until
     * it stops, its output and exit status. A PID 1 that runs its program (a modelled one, the
     * container's shell or one of its applets) is followed through the log; one reading the client's
     * stdin ({@code -i}) or one dockwire starts without a program runs its command inside as
     * {@code docker exec} would, and then ends with that command's status.
     */
    private CommandOutput attached(Container c, boolean rm) {
        ContainerProcesses procs = engine().processes(c);
        if (procs != null && procs.modelled()) {
            return attach(c, rm);
        }
        List<String> cmd = engine().program(c);
        // -i: the client copies its stdin to the container's (hijacked attach); without it the process reads /dev/null.
        CommandOutput r = cmd.isEmpty() ? CommandOutput.ok(List.of()) : host.execIn(c, cmd, c.openStdin() ? stdin : null);
        engine().exited(c, r.status(), r.output());
        processes().await(() -> !c.running());
        if (rm) {
            autoRemoved(c);
        }
        return r;
    }

    /**
     * {@code docker run} without {@code -d}: attached to the container, it prints what the main
     * process writes and ends when the container stops, with its exit code; one that does not end
     * is stopped after the step timeout. {@code --rm} removes it afterwards.
     */
    private CommandOutput attach(Container c, boolean rm) {
        ProcessCommands p = processes();
        int from = engine().log(c).size();
        if (p.follows()) {
            // --sig-proxy=true (the default): the terminal's signals go to the container's PID 1 (cli/command/container/run.go).
            List<String> collected = new ArrayList<>();
            if (rm) {
                engine().autoRemove(c); // when it stops, even after the client went to the background (&, Ctrl-Z)
                engine().volumes().removeAnonymous(c);
            }
            p.follow(c, from, () -> !c.running(), s -> {
                if (c.running()) {
                    engine().kill(c.name(), s);
                }
                return false;
            }, collected::add);
            if (rm && !c.running()) {
                engine().autoRemove(c); // it stopped before the daemon heard of --rm's end (a script's step limit)
            }
            return new CommandOutput(c.exitCode(), collected);
        }
        boolean ended = p.await(() -> !c.running());
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>(); // the container's stderr is the client's (attach's stdcopy demultiplexes it)
        for (LogEntry e : engine().log(c).since(from)) {
            out.add(e.line());
            if (e.stream().equals("stderr")) {
                errors.add(e.line());
            }
        }
        if (!ended) {
            out.add(p.timedOut("docker run " + c.image()));
            engine().stop(c.name(), 0, Signal.SIGKILL);
        }
        if (rm) {
            autoRemoved(c);
        }
        return new CommandOutput(c.exitCode(), out, errors);
    }

    /**
     * The daemon's warnings the client prints (daemon_unix.go verifyPlatformContainerResources, then
     * verifyPlatformContainerSettings): a cgroup v2 host discards {@code --oom-kill-disable}; ports asked
     * for on a network mode that has none of its own.
     */
    private static List<String> publishWarning(CliFlags f) {
        List<String> out = new ArrayList<>();
        if (f.has("oom-kill-disable") && !"false".equals(f.get("oom-kill-disable"))) {
            out.add("WARNING: Your kernel does not support OomKillDisable. OomKillDisable discarded.");
        }
        String mode = f.has("network") ? f.get("network") : f.has("net") ? f.get("net") : "bridge";
        if ((f.has("publish") || f.has("publish-all")) && mode.equals("host")) {
            out.add("WARNING: Published ports are discarded when using host network mode");
        }
        return out;
    }

    /** What {@code docker run} (or create) prints of the pull of {@code req}'s image before it creates the container. */
    private CommandOutput pullFor(CliFlags f, ContainerCreate req, boolean run) {
        return ImagePull.shown(ImagePull.beforeCreate(engine(), req.image(), f.get("pull"), f.has("quiet"), run, host.stderrIsTerminal()),
                host.jobControl(), !host.jobControl().live() || host.stderrIsTerminal()); // live: unless 2> sends them elsewhere
    }

    private CommandOutput create(List<String> args) {
        CliFlags f = CliFlags.parse(args, CreateFlags.SPECS, false);
        if (f.positional().isEmpty()) {
            return CliErrors.usage("create", "at least 1 argument", "[OPTIONS] IMAGE [COMMAND] [ARG...]");
        }
        try {
            ContainerCreate req = CreateFlags.request(f, host);
            CidFile cid = CidFile.open(host, f.get("cidfile"), "create");
            CommandOutput pull = pullFor(f, req, false);
            if (pull.status() != 0) {
                return pull;
            }
            List<String> out = new ArrayList<>(pull.output());
            out.addAll(publishWarning(f));
            Container c = engine().create(req, CreateFlags.labels(f, host));
            if (cid != null) {
                cid.write(c.id());
            }
            out.add(c.id());
            return new CommandOutput(0, out, pull.output());
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        } catch (CidFile.Refused e) {
            return e.output;
        }
    }

    private ImagesCommand images() {
        return new ImagesCommand(engine(), System.currentTimeMillis());
    }

    /** {@code docker image ls|list|rm|remove|pull|tag|inspect}. */
    private CommandOutput image(List<String> args) {
        if (args.isEmpty()) {
            return DockerHelp.help("image", false);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "ls", "list" -> images().list(rest);
            case "rm", "remove" -> images().remove("image rm", rest);
            case "pull" -> ImagePull.pull(engine(), rest, host.stdoutIsTerminal()); // pull.go: jsonmessage to Out(), its IsTerminal
            case "tag" -> images().tag("image tag", rest);
            case "prune" -> prune().image(rest);
            case "inspect" -> new InspectCommand(engine()).run(rest, "image");
            case "build" -> new BuildCommand(host).run(rest);
            case "history" -> HistoryCommand.run(engine(), "image history", rest, System.currentTimeMillis());
            case "save", "load", "import" -> new ImageArchiveCommands(host, stdin, System.currentTimeMillis()).run("image " + args.get(0), rest);
            default -> dispatch(args);
        };
    }

    private CommandOutput container(List<String> args) {
        if (args.isEmpty()) {
            return CommandOutput.ok(List.of("Usage:  docker container COMMAND"));
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "ls", "list", "ps" -> new PsCommand(engine(), host.loop().nanos()).run(rest);
            case "inspect" -> new InspectCommand(engine()).run(rest, "container");
            case "prune" -> prune().container(rest);
            case "commit" -> CommitCommand.run(host, "container commit", rest, System.currentTimeMillis());
            case "export" -> new ImageArchiveCommands(host, stdin, System.currentTimeMillis()).run("container export", rest);
            default -> dispatch(args);
        };
    }

    private CommandOutput start(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("attach", 'a', false), new Spec("interactive", 'i', false)), true);
        if (f.has("attach") && f.positional().size() == 1) {
            // start -a: attached as docker run is, the output until the container stops and its exit code.
            try {
                return attached(engine().start(f.positional().get(0)), false);
            } catch (EngineException e) {
                return CliErrors.daemonError(e);
            }
        }
        CommandOutput r = each(f.positional(), "start", ref -> {
            engine().start(ref);
            return ref;
        });
        if (r.status() == 0 || f.positional().isEmpty()) {
            return r;
        }
        // cli/command/container/start.go: the containers that failed, after each one's error.
        List<String> failed = f.positional().stream().filter(ref -> !r.output().contains(ref)).toList();
        List<String> out = new ArrayList<>(r.output());
        out.add("Error: failed to start containers: " + String.join(", ", failed));
        return new CommandOutput(r.status(), out);
    }

    private CommandOutput rm(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false), new Spec("volumes", 'v', false)), true);
        return each(f.positional(), "rm", ref -> {
            Container c = f.has("volumes") ? engine().container(ref) : null;
            engine().remove(ref, f.has("force"), () -> { });
            if (c != null) {
                engine().volumes().removeAnonymous(c); // -v: its anonymous volumes, never a named one
            }
            return ref;
        });
    }

    private interface RefAction {
        String apply(String ref);
    }

    private CommandOutput each(List<String> refs, String cmd, RefAction action) {
        if (refs.isEmpty()) {
            return CliErrors.usage(cmd, "at least 1 argument", "[OPTIONS] CONTAINER [CONTAINER...]");
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String ref : refs) {
            try {
                out.add(action.apply(ref));
            } catch (EngineException e) {
                out.addAll(CliErrors.daemonError(e).output());
                errors.addAll(CliErrors.daemonError(e).output());
                status = 1;
            }
        }
        return new CommandOutput(status, out, errors);
    }

    /** The COMMAND column: the container's command line (its image's ENTRYPOINT and CMD, or what run gave), quoted, cut to 20 runes unless {@code --no-trunc}. */
    public static String command(Container c, boolean truncate) {
        return PsColumns.command(Images.argv(c, c.cmd()), truncate);
    }

    /** The PORTS column: {@code 80/tcp, 0.0.0.0:8080->80/tcp}; a container that is not running shows none. */
    public static String portsColumn(Container c) {
        return portsColumn(c, Images.config(c));
    }

    /** The PORTS column for a container of an image with {@code config} (null: an image without one). */
    public static String portsColumn(Container c, ImageConfig config) {
        if (!c.running()) {
            return "";
        }
        return PsColumns.displayable(PsColumns.ports(c.published(), PsColumns.endpointExposedPorts(c, config)));
    }

    public static String status(Container c, long now) {
        return switch (c.state()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanTime.duration(now - c.startedAt())
                    + (c.paused() ? " (Paused)" : c.health() == null ? "" : " (" + c.health() + ")"); // State.String: Paused first
            case RESTARTING -> "Restarting (" + c.exitCode() + ") " + HumanTime.ago(now - c.finishedAt());
            case EXITED -> "Exited (" + c.exitCode() + ") " + HumanTime.ago(now - c.finishedAt());
        };
    }

    private CommandOutput exec(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("detach", 'd', false), new Spec("interactive", 'i', false),
                new Spec("tty", 't', false), new Spec("env", 'e', true), new Spec("user", 'u', true),
                new Spec("workdir", 'w', true), new Spec("privileged", (char) 0, false), new Spec("env-file", (char) 0, true)), false);
        if (f.positional().size() < 2) {
            return CliErrors.usage("exec", "at least 2 arguments", "[OPTIONS] CONTAINER COMMAND [ARG...]");
        }
        ExecConfig exec;
        try { // exec.go RunExec: parseExec (the --env-file reads) before the container is looked up
            exec = ExecOptions.config(f, f.positional().subList(1, f.positional().size()), host);
        } catch (EnvFile.Invalid e) {
            return CommandOutput.fail(1, e.getMessage());
        }
        Container c = engine().findContainer(f.positional().get(0));
        if (c == null) {
            return CommandOutput.fail(1, "Error response from daemon: No such container: " + f.positional().get(0));
        }
        boolean tty = !f.has("detach") && f.has("tty") && f.has("interactive");
        if (tty && !host.stdinIsTerminal()) {
            return TtyCheck.NOT_A_TTY; // after the container is found, before the exec is created (exec.go, RunExec)
        }
        if (!c.running()) {
            return CommandOutput.fail(1, "Error response from daemon: container " + c.id() + " is not running");
        }
        if (c.paused()) { // daemon/exec.go getActiveContainer: errExecPaused with the name as given
            return CommandOutput.fail(1, "Error response from daemon: Container " + f.positional().get(0) + " is paused, unpause the container before exec");
        }
        List<String> argv = f.positional().subList(1, f.positional().size());
        String execId = ClientEvents.started(engine(), c, argv);
        if (f.has("detach")) {
            return host.execDetached(c, exec, status -> ClientEvents.died(engine(), c, execId, status)); // monitor.go's exec_die at its end
        }
        CommandOutput shell = tty ? host.attachShell(c, exec, status -> ClientEvents.died(engine(), c, execId, status)) : null;
        if (shell != null) {
            return shell;
        }
        // -i attaches the client's stdin; without it the process reads nothing.
        List<String> in = f.has("interactive") ? stdin : null;
        // Without -t the client does not proxy signals (cli/command/container/exec.go, moby/moby#9098):
        // Ctrl-C ends the client and the process in the container runs on; with -t the tty delivers it.
        java.util.function.Supplier<CommandOutput> run = () -> host.exec(c, exec, in);
        CommandOutput done = f.has("tty") ? run.get() : host.jobControl().viaClient(run);
        ClientEvents.died(engine(), c, execId, done.status());
        return done;
    }
}
