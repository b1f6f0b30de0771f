package dev.dockwire.docker.compose;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.docker.cli.CliFlags;
import dev.dockwire.docker.cli.DockerHelp;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.TopologyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker compose [-f FILE] [-p NAME] COMMAND ...} on the emulated host (up, down, ps, exec, port,
 * logs, config, ls, build, version, stop, start, restart, kill, rm, top, images, pull, create, run). The
 * file is {@code -f}, else {@code $COMPOSE_FILE}, else the first of compose.yaml, compose.yml,
 * docker-compose.yaml, docker-compose.yml; one the script wrote on the host, else on disk relative
 * to the script's directory, with the {@code .env} beside it. The project is {@code -p}, else
 * {@code $COMPOSE_PROJECT_NAME}, else the file's {@code name:}, else its directory's name.
 */
public final class ComposeCommand {
    private static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");
    private static final List<Spec> GLOBAL = List.of(new Spec("file", 'f', true), new Spec("project-name", 'p', true),
            new Spec("env-file", (char) 0, true), new Spec("project-directory", (char) 0, true),
            new Spec("profile", (char) 0, true));

    /**
     * Compose's exit statuses by failure (docker/compose pkg/compose/metrics.go): no file 14, a file
     * that does not parse 15, a command line that does not (unknown command or flag) 16.
     */
    private static final int FILE_NOT_FOUND_FAILURE = 14;
    private static final int PARSE_FAILURE = 15;
    private static final int SYNTAX_FAILURE = 16;

    private static final List<Spec> EXEC_FLAGS = List.of(new Spec("detach", 'd', false), new Spec("interactive", 'i', false),
            new Spec("tty", 't', false), new Spec("no-TTY", 'T', false), new Spec("env", 'e', true),
            new Spec("user", 'u', true), new Spec("workdir", 'w', true), new Spec("index", (char) 0, true),
            new Spec("privileged", (char) 0, false));
    private static final List<Spec> PORT_FLAGS = List.of(new Spec("protocol", (char) 0, true), new Spec("index", (char) 0, true));

    private final CliEnv host;
    /** {@code config}'s rendering of the file {@link #load} read. */
    private java.util.function.Supplier<List<String>> resolve;
    /** The file {@link #load} read, absolute: the containers' config_files and working_dir labels. */
    private Path configFile;

    public ComposeCommand(CliEnv host) {
        this.host = host;
    }

    public CommandOutput run(List<String> args) {
        List<String> words = new ArrayList<>(List.of("compose"));
        words.addAll(args);
        CommandOutput usage = DockerHelp.answer(words);
        if (usage != null) {
            return usage;
        }
        CliFlags g;
        try {
            g = CliFlags.parse(args, GLOBAL, false);
        } catch (CliFlags.ParseError e) {
            return CommandOutput.fail(SYNTAX_FAILURE, e.getMessage());
        }
        if (g.positional().isEmpty()) {
            return DockerHelp.help("compose", false);
        }
        String cmd = g.positional().get(0);
        List<String> rest = g.positional().subList(1, g.positional().size());
        if (!List.of("up", "down", "ps", "exec", "port", "logs", "config", "ls", "build", "version", "stop", "start", "restart",
                "kill", "rm", "top", "images", "pull", "create", "run", "pause", "unpause").contains(cmd)) {
            return CommandOutput.fail(SYNTAX_FAILURE, "unknown docker command: \"compose " + cmd + "\"");
        }
        if (cmd.equals("version")) {
            return version(rest);
        }
        if (cmd.equals("run")) {
            try {
                if (CliFlags.parse(rest, RUN_FLAGS, false).positional().isEmpty()) {
                    return CommandOutput.fail(1, "requires at least 1 arg(s), only received 0"); // cobra.MinimumNArgs(1)
                }
            } catch (CliFlags.ParseError e) {
                return CommandOutput.fail(SYNTAX_FAILURE, e.getMessage());
            }
        }
        if (List.of("exec", "port").contains(cmd)) {
            // cobra checks the arguments (MinimumNArgs(2)) before the command reads any file.
            try {
                int given = CliFlags.parse(rest, cmd.equals("exec") ? EXEC_FLAGS : PORT_FLAGS, cmd.equals("port")).positional().size();
                if (given < 2) {
                    return CommandOutput.fail(1, "requires at least 2 arg(s), only received " + given);
                }
            } catch (CliFlags.ParseError e) {
                return CommandOutput.fail(SYNTAX_FAILURE, e.getMessage());
            }
        }
        if (cmd.equals("ls")) {
            return ls(rest);
        }
        ComposeProject project;
        List<String> out = new ArrayList<>();
        try {
            project = load(g, out);
        } catch (NoFile e) {
            return CommandOutput.fail(FILE_NOT_FOUND_FAILURE, e.getMessage());
        } catch (TopologyException | ComposeException e) {
            return CommandOutput.fail(PARSE_FAILURE, e.getMessage());
        }
        Compose compose = new Compose(host, project, configFile);
        // -p without -f: Compose names the project and reads no file for stop, start, kill, rm (projectOrName).
        boolean byName = g.has("project-name") && !g.has("file");
        try {
            CommandOutput r = switch (cmd) {
                case "up" -> up(compose, rest);
                case "down" -> {
                    CliFlags d = CliFlags.parse(rest, List.of(new Spec("volumes", 'v', false), new Spec("remove-orphans", (char) 0, false),
                            new Spec("timeout", 't', true), new Spec("rmi", (char) 0, true)), true);
                    yield compose.down(d.has("volumes"));
                }
                case "ps" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("all", 'a', false), new Spec("quiet", 'q', false),
                            new Spec("services", (char) 0, false)), true);
                    yield compose.ps(f.has("all"), f.has("quiet"), f.has("services"));
                }
                case "exec" -> exec(compose, rest);
                case "build" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("no-cache", (char) 0, false), new Spec("pull", (char) 0, false),
                            new Spec("quiet", 'q', false), new Spec("build-arg", (char) 0, true), new Spec("progress", (char) 0, true)), true);
                    yield CommandOutput.ok(compose.build(f.positional()));
                }
                case "config" -> {
                    CliFlags.parse(rest, List.of(new Spec("quiet", 'q', false), new Spec("services", (char) 0, false),
                            new Spec("no-interpolate", (char) 0, false), new Spec("format", (char) 0, true)), true);
                    // Compose prints its own warnings only (the obsolete version:), not what dockwire leaves aside.
                    out.removeIf(line -> !line.contains("the attribute `version` is obsolete"));
                    yield CommandOutput.ok(resolve.get());
                }
                case "logs" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("follow", 'f', false), new Spec("timestamps", 't', false),
                            new Spec("tail", 'n', true), new Spec("no-color", (char) 0, false), new Spec("no-log-prefix", (char) 0, false)), true);
                    yield ComposeLogs.run(host.engine(), project, f.positional(), f.has("follow") ? host.jobControl() : null);
                }
                case "port" -> port(compose, rest);
                case "stop", "restart" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("timeout", 't', true), new Spec("no-deps", (char) 0, false),
                            new Spec("dry-run", (char) 0, false)), true);
                    long grace = f.has("timeout") ? CliFlags.intValue(f.get("timeout"), "timeout") * 1_000_000_000L : -1;
                    ComposeLifecycle life = new ComposeLifecycle(host, project, byName);
                    yield cmd.equals("stop") ? life.stop(f.positional(), grace) : life.restart(f.positional(), grace);
                }
                case "start" -> new ComposeLifecycle(host, project, byName).start(
                        CliFlags.parse(rest, List.of(new Spec("dry-run", (char) 0, false)), true).positional());
                case "kill" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("signal", 's', true), new Spec("remove-orphans", (char) 0, false),
                            new Spec("dry-run", (char) 0, false)), true);
                    yield new ComposeLifecycle(host, project, byName).kill(f.positional(), f.get("signal"));
                }
                case "rm" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("force", 'f', false), new Spec("stop", 's', false),
                            new Spec("volumes", 'v', false), new Spec("dry-run", (char) 0, false)), true);
                    yield new ComposeLifecycle(host, project, byName).rm(f.positional(), f.has("force"), f.has("stop"));
                }
                case "pause", "unpause" -> new ComposeLifecycle(host, project, byName).pause(
                        CliFlags.parse(rest, List.of(new Spec("dry-run", (char) 0, false)), true).positional(), cmd.equals("pause"));
                case "top" -> ComposeTop.run(host.engine(), project,
                        CliFlags.parse(rest, List.of(new Spec("dry-run", (char) 0, false)), true).positional());
                case "images" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("quiet", 'q', false), new Spec("format", (char) 0, true),
                            new Spec("dry-run", (char) 0, false)), true);
                    yield ComposeImages.run(host.engine(), project, f.positional(), f.has("quiet"));
                }
                case "pull" -> {
                    CliFlags f = CliFlags.parse(rest, List.of(new Spec("quiet", 'q', false), new Spec("ignore-buildable", (char) 0, false),
                            new Spec("ignore-pull-failures", (char) 0, false), new Spec("include-deps", (char) 0, false),
                            new Spec("policy", (char) 0, true), new Spec("dry-run", (char) 0, false)), true);
                    yield ComposePull.run(host.engine(), project, f.positional());
                }
                case "create" -> create(compose, project, rest);
                default -> run(project, rest);
            };
            out.addAll(r.output());
            return new CommandOutput(r.status(), out);
        } catch (CliFlags.ParseError e) {
            return CommandOutput.fail(SYNTAX_FAILURE, e.getMessage());
        } catch (ComposeException e) {
            out.addAll(e.output());
            return new CommandOutput(1, out);
        }
    }

    /** {@code ls}: the projects on the engine by their containers' labels; no file is read (cobra.NoArgs). */
    private CommandOutput ls(List<String> args) {
        try {
            CliFlags f = CliFlags.parse(args, List.of(new Spec("all", 'a', false), new Spec("quiet", 'q', false),
                    new Spec("format", (char) 0, true), new Spec("filter", (char) 0, true), new Spec("dry-run", (char) 0, false)), false);
            if (!f.positional().isEmpty()) {
                return CommandOutput.fail(1, "unknown command \"" + f.positional().get(0) + "\" for \"docker compose ls\"");
            }
            return ComposeLs.run(host.engine(), f.has("all"), f.has("quiet"), f.has("format") ? f.get("format") : "table", f.all("filter"));
        } catch (CliFlags.ParseError e) {
            return CommandOutput.fail(SYNTAX_FAILURE, e.getMessage());
        }
    }

    private ComposeProject load(CliFlags g, List<String> warnings) {
        String file = g.has("file") ? g.get("file") : host.environment().get("COMPOSE_FILE");
        String text = null;
        if (file != null) {
            text = host.readHostOrDisk(file);
            if (text == null) {
                throw missing("open " + host.workingDirectory().resolve(file).toAbsolutePath().normalize() + ": no such file or directory");
            }
        } else {
            for (String candidate : DEFAULT_FILES) {
                text = host.readHostOrDisk(candidate);
                if (text != null) {
                    file = candidate;
                    break;
                }
            }
            if (text == null) {
                throw missing("no configuration file provided: not found");
            }
        }
        Path abs = host.workingDirectory().resolve(file).toAbsolutePath().normalize();
        String dir = abs.getParent() == null || abs.getParent().getFileName() == null ? ""
                : abs.getParent().getFileName().toString();
        String envFile = g.has("env-file") ? g.get("env-file") : siblingEnv(file);
        String envText = host.readHostOrDisk(envFile);
        Map<String, String> env = envText == null ? Map.of() : ComposeLoader.dotEnv(envFile, envText);
        // Compose reads its COMPOSE_* variables from the environment, then from the .env file (cli/options.go).
        String name = g.has("project-name") ? g.get("project-name") : composeVariable("COMPOSE_PROJECT_NAME", env);
        Set<String> profiles = new LinkedHashSet<>(g.all("profile"));
        String fromEnv = composeVariable("COMPOSE_PROFILES", env);
        if (profiles.isEmpty() && fromEnv != null) {
            Arrays.stream(fromEnv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(profiles::add);
        }
        ComposeProject p = ComposeLoader.parse(file, text, env, dir, name, profiles);
        configFile = abs;
        p.notes().forEach(n -> warnings.add("WARN[0000] " + n));
        String f = file;
        String t = text;
        resolve = () -> ComposeLoader.config(f, t, env, dir, name, profiles);
        return p;
    }

    private String composeVariable(String variable, Map<String, String> dotEnv) {
        String v = host.environment().get(variable);
        return v != null ? v : dotEnv.get(variable);
    }

    private static NoFile missing(String message) {
        return new NoFile(message);
    }

    /** No Compose file to read: compose's FileNotFoundFailure. */
    private static final class NoFile extends RuntimeException {
        NoFile(String message) {
            super(message, null, false, false);
        }
    }

    private static String siblingEnv(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? ".env" : file.substring(0, slash + 1) + ".env";
    }

    private CommandOutput up(Compose compose, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("detach", 'd', false), new Spec("scale", (char) 0, true),
                new Spec("wait", (char) 0, false), new Spec("no-recreate", (char) 0, false),
                new Spec("remove-orphans", (char) 0, false), new Spec("build", (char) 0, false),
                new Spec("quiet-pull", (char) 0, false)), true);
        Map<String, Integer> scale = new LinkedHashMap<>();
        for (String s : f.all("scale")) {
            CommandOutput refused = scaleOption(s, scale);
            if (refused != null) {
                return refused;
            }
        }
        return CommandOutput.ok(compose.up(scale, f.has("build")));
    }

    /**
     * One {@code --scale SERVICE=NUM} as Compose's applyScaleOpts reads it (cmd/compose/create.go:
     * split on every "=", strconv.Atoi), into {@code scale}; null, or Compose's refusal. A negative
     * number passes Compose's parsing and crashes its convergence (ensureService's
     * {@code make(Containers, -1)}: Go's panic, exit 2) after the networks are made; here it ends
     * with the panic's line before anything is made.
     */
    static CommandOutput scaleOption(String option, Map<String, Integer> scale) {
        String[] split = option.split("=", -1);
        if (split.length != 2) {
            return CommandOutput.fail(1, "invalid --scale option \"" + option + "\". Should be SERVICE=NUM");
        }
        int n;
        try {
            n = Integer.parseInt(split[1].startsWith("+") ? split[1].substring(1) : split[1]);
        } catch (NumberFormatException e) {
            return CommandOutput.fail(1, "strconv.Atoi: parsing \"" + split[1] + "\": "
                    + (split[1].matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
        if (n < 0) {
            return CommandOutput.fail(2, "panic: runtime error: makeslice: len out of range");
        }
        scale.put(split[0], n);
        return null;
    }

    /** {@code version [--short] [-f pretty|json]}: no file is read; an argument is cobra's NoArgs refusal. */
    private static CommandOutput version(List<String> args) {
        try {
            CliFlags f = CliFlags.parse(args, List.of(new Spec("short", (char) 0, false), new Spec("format", 'f', true),
                    new Spec("dry-run", (char) 0, false)), true);
            if (!f.positional().isEmpty()) {
                return CommandOutput.fail(1, "unknown command \"" + f.positional().get(0) + "\" for \"docker compose version\"");
            }
            return ComposeVersion.run(f.has("short"), f.get("format"));
        } catch (CliFlags.ParseError e) {
            return CommandOutput.fail(SYNTAX_FAILURE, e.getMessage());
        }
    }

    private CommandOutput create(Compose compose, ComposeProject project, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("build", (char) 0, false), new Spec("force-recreate", (char) 0, false),
                new Spec("no-build", (char) 0, false), new Spec("no-recreate", (char) 0, false), new Spec("pull", (char) 0, true),
                new Spec("quiet-pull", (char) 0, false), new Spec("remove-orphans", (char) 0, false), new Spec("scale", (char) 0, true),
                new Spec("dry-run", (char) 0, false)), true);
        List<ComposeProject.Service> services = new ArrayList<>();
        for (String name : f.positional()) {
            if (project.service(name) == null) {
                return CommandOutput.fail(1, "no such service: " + name);
            }
        }
        for (ComposeProject.Service s : project.services()) {
            if (f.positional().isEmpty() || f.positional().contains(s.name())) {
                services.add(s);
            }
        }
        return CommandOutput.ok(compose.create(services, f.has("force-recreate"), f.has("build")));
    }

    /**
     * run's flags (cmd/compose/run.go) but {@code -v} and {@code -w}: dockwire's containers take no
     * bind mount nor working directory from a command line ({@code docker run} has neither). Of
     * the others, {@code -i}, {@code -T}, {@code --build}, {@code --quiet-pull}, {@code --remove-orphans},
     * {@code --use-aliases} and {@code --dry-run} change nothing here.
     */
    private static final List<Spec> RUN_FLAGS = List.of(new Spec("build", (char) 0, false), new Spec("cap-add", (char) 0, true),
            new Spec("cap-drop", (char) 0, true), new Spec("detach", 'd', false), new Spec("dry-run", (char) 0, false),
            new Spec("entrypoint", (char) 0, true), new Spec("env", 'e', true), new Spec("interactive", 'i', false),
            new Spec("label", 'l', true), new Spec("name", (char) 0, true), new Spec("no-TTY", 'T', false),
            new Spec("no-deps", (char) 0, false), new Spec("publish", 'p', true), new Spec("quiet-pull", (char) 0, false),
            new Spec("remove-orphans", (char) 0, false), new Spec("rm", (char) 0, false), new Spec("service-ports", 'P', false),
            new Spec("use-aliases", (char) 0, false), new Spec("user", 'u', true));

    private CommandOutput run(ComposeProject project, List<String> args) {
        CliFlags f = CliFlags.parse(args, RUN_FLAGS, false);
        List<String> words = f.positional();
        return new ComposeRun(host, project, configFile).run(new ComposeRun.Options(words.get(0), words.subList(1, words.size()),
                f.has("detach"), f.has("rm"), f.get("name"), f.all("env"), f.get("entrypoint"), f.has("no-deps"),
                f.has("service-ports"), f.all("publish"), f.all("label"), f.all("cap-add"), f.all("cap-drop"), f.get("user")));
    }

    private CommandOutput exec(Compose compose, List<String> args) {
        CliFlags f = CliFlags.parse(args, EXEC_FLAGS, false);
        List<String> argv = f.positional().subList(1, f.positional().size());
        return compose.exec(f.positional().get(0), index(f), argv);
    }

    private CommandOutput port(Compose compose, List<String> args) {
        CliFlags f = CliFlags.parse(args, PORT_FLAGS, true);
        int port;
        try {
            port = Integer.parseInt(f.positional().get(1));
        } catch (NumberFormatException e) {
            return CommandOutput.fail(1, "strconv.ParseUint: parsing \"" + f.positional().get(1) + "\": invalid syntax");
        }
        String proto = f.has("protocol") ? f.get("protocol") : "tcp";
        return compose.port(f.positional().get(0), index(f), port, proto);
    }

    private static int index(CliFlags f) {
        try {
            return f.has("index") ? Integer.parseInt(f.get("index")) : 1;
        } catch (NumberFormatException e) {
            throw new CliFlags.ParseError("invalid argument \"" + f.get("index") + "\" for \"--index\" flag");
        }
    }
}
