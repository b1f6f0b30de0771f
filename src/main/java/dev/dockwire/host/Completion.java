package dev.dockwire.host;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.cli.DockerHelp;
import dev.dockwire.docker.engine.Images;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What Tab offers at the host's prompt, from what the host knows, as docker's bash completion
 * (docker/cli's contrib/completion/bash/docker) offers it: commands at the start of a line,
 * docker's commands, sub-commands and flags (from the usage texts), running containers for
 * {@code exec}/{@code stop}/{@code kill}/..., stopped ones for {@code start}, every container for
 * {@code rm}/{@code logs}/{@code inspect}, networks for {@code --network} and {@code network rm},
 * images for {@code run}, services and compose services; file paths elsewhere. A directory is
 * offered with a trailing {@code /}.
 */
public final class Completion {
    private static final List<String> RUNNING = List.of("exec", "attach", "kill", "stop", "restart", "top", "pause");
    private static final List<String> ALL = List.of("rm", "logs", "inspect", "wait", "port");
    private static final List<String> COMPOSE = List.of("up", "down", "ps", "exec", "port", "logs");

    private final DockerHost host;
    private final InteractiveShell terminal;

    public Completion(DockerHost host) {
        this(host, null);
    }

    /** Completion on {@code terminal}: in a shell inside a container, that container's commands. */
    public Completion(DockerHost host, InteractiveShell terminal) {
        this.host = host;
        this.terminal = terminal;
    }

    /**
     * The words that may replace {@code current}, the word under the cursor, after {@code words}
     * (the command's words before it), sorted; those not starting with {@code current} left out.
     */
    public List<String> complete(List<String> words, String current) {
        TreeSet<String> out = new TreeSet<>();
        Container inside = terminal == null ? null : terminal.container();
        if (inside != null) {
            // In a container's shell: its image's programs first; its files are not the host's.
            if (words.isEmpty()) {
                var config = Images.config(inside);
                out.addAll(config == null || config.programs().isEmpty() ? dev.dockwire.app.bin.Programs.names() : config.programs());
                out.addAll(HostHelp.BUILTINS);
            }
            return out.stream().filter(s -> s.startsWith(current)).toList();
        }
        List<String> w = words;
        while (!w.isEmpty() && w.get(0).equals("sudo")) {
            w = w.subList(1, w.size());
        }
        if (w.isEmpty()) {
            if (current.contains("/")) {
                out.addAll(files(current));
            } else {
                out.addAll(HostHelp.commands());
            }
        } else if (w.get(0).equals("docker")) {
            List<String> d = docker(w.subList(1, w.size()), current);
            out.addAll(d == null ? files(current) : d);
        } else {
            out.addAll(files(current));
        }
        return out.stream().filter(s -> s.startsWith(current)).toList();
    }

    /** Completion after {@code docker}; null for file paths. */
    private List<String> docker(List<String> args, String current) {
        if (args.isEmpty()) {
            if (current.startsWith("-")) {
                return List.copyOf(DockerHelp.flags("").keySet());
            }
            return DockerHelp.commands().stream().filter(c -> !c.contains(" ")).toList();
        }
        String first = args.get(0);
        if (first.equals("compose")) {
            return compose(args.subList(1, args.size()));
        }
        String path = DockerHelp.path(args);
        int pathWords = path.split(" ").length;
        if (path.split(" ").length == 1 && List.of("network", "container", "swarm", "node", "service").contains(path)
                && args.size() == 1) {
            return DockerHelp.commands().stream().filter(c -> c.startsWith(path + " "))
                    .map(c -> c.substring(path.length() + 1)).toList();
        }
        Map<String, Boolean> flags = DockerHelp.flags(path);
        if (current.startsWith("-")) {
            return List.copyOf(flags.keySet());
        }
        List<String> rest = args.subList(pathWords, args.size());
        String previous = rest.isEmpty() ? null : rest.get(rest.size() - 1);
        if (previous != null && previous.startsWith("-") && !previous.contains("=") && Boolean.TRUE.equals(flags.get(previous))) {
            return flagValue(previous);
        }
        int position = 0;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.startsWith("-")) {
                if (!a.contains("=") && Boolean.TRUE.equals(flags.get(a))) {
                    i++;
                }
            } else {
                position++;
            }
        }
        String cmd = path.startsWith("container ") ? path.substring("container ".length()) : path;
        return positional(cmd, position, current);
    }

    private List<String> positional(String cmd, int position, String current) {
        if (RUNNING.contains(cmd)) {
            return position == 0 ? containers(Container::running, current) : cmd.equals("exec") ? List.of() : containers(Container::running, current);
        }
        if (cmd.equals("start")) {
            return containers(c -> !c.running(), current);
        }
        if (ALL.contains(cmd)) {
            return position == 0 || !cmd.equals("port") ? containers(c -> true, current) : List.of();
        }
        return switch (cmd) {
            case "run", "create" -> position == 0 ? images() : List.of();
            case "commit", "export" -> position == 0 ? containers(c -> true, current) : List.of();
            case "history", "save", "image history", "image save" -> images();
            case "network connect", "network disconnect" -> position == 0 ? networks() : position == 1
                    ? containers(c -> true, current) : List.of();
            case "network rm", "network inspect" -> networks();
            case "service rm", "service ps", "service logs", "service scale", "service inspect" -> services();
            default -> List.of();
        };
    }

    private List<String> flagValue(String flag) {
        return switch (flag) {
            case "--network", "--net" -> networks();
            case "-f", "--file", "--env-file", "--cidfile", "--label-file" -> null;
            default -> List.of();
        };
    }

    private List<String> compose(List<String> args) {
        if (!args.isEmpty() && List.of("-f", "--file", "--env-file", "--project-directory").contains(args.get(args.size() - 1))) {
            return null;
        }
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (List.of("-f", "--file", "-p", "--project-name", "--env-file", "--project-directory").contains(args.get(i))) {
                i++;
            } else if (!args.get(i).startsWith("-")) {
                positional.add(args.get(i));
            }
        }
        if (positional.isEmpty()) {
            return COMPOSE;
        }
        return List.of("exec", "logs", "port", "ps", "up").contains(positional.get(0)) ? composeServices() : List.of();
    }

    /**
     * Container names; their IDs only where no name starts with what was typed (docker's completion
     * shows names unless DOCKER_COMPLETION_SHOW_CONTAINER_IDS asks, and an ID typed asks here).
     */
    private List<String> containers(Predicate<Container> which, String current) {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Container c : host.engine().containers()) {
            if (which.test(c)) {
                names.add(c.name());
                ids.add(c.shortId());
            }
        }
        return names.stream().anyMatch(n -> n.startsWith(current)) ? names : ids;
    }

    private List<String> networks() {
        return host.engine().networks().stream().map(Network::name).toList();
    }

    private List<String> images() {
        TreeSet<String> out = new TreeSet<>(Images.names());
        host.engine().containers().forEach(c -> out.add(c.image()));
        // the daemon's own (pulled, built, committed, loaded): a name, its tag dropped when latest
        host.engine().images().stored().stream().filter(s -> !s.tag().equals("<none>"))
                .forEach(s -> out.add(s.tag().equals("latest") ? s.repository() : s.name()));
        return List.copyOf(out);
    }

    private List<String> services() {
        var swarm = host.engine().swarm();
        return swarm == null ? List.of() : swarm.services().stream().map(s -> s.name()).toList();
    }

    /**
     * The services of the current compose project, from its containers' names
     * ({@code PROJECT-SERVICE-N}; the project is {@code $COMPOSE_PROJECT_NAME}, else the directory's name).
     */
    private List<String> composeServices() {
        String project = host.environment().getOrDefault("COMPOSE_PROJECT_NAME",
                Path.of(host.currentDirectory()).getFileName() == null ? "" : Path.of(host.currentDirectory()).getFileName().toString())
                .toLowerCase(java.util.Locale.ROOT);
        TreeSet<String> out = new TreeSet<>();
        for (Container c : host.engine().containers()) {
            String n = c.name();
            if (n.startsWith(project + "-") && n.matches(".*-\\d+$")) {
                out.add(n.substring(project.length() + 1, n.lastIndexOf('-')));
            }
        }
        return List.copyOf(out);
    }

    /** Paths in the host's file view ({@link HostFileSystem}: what it made, over its disk) from its working directory; a directory with a trailing {@code /}. */
    private List<String> files(String current) {
        int slash = current.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : current.substring(0, slash + 1);
        HostFileSystem fs = host.fileSystem();
        TreeSet<String> names = fs.list(dirPart.isEmpty() ? "." : dirPart);
        if (names == null) {
            return List.of(); // no such directory: nothing to offer
        }
        boolean hidden = current.substring(slash + 1).startsWith(".");
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (hidden || !n.startsWith(".")) {
                out.add(dirPart + n + (fs.isDirectory(dirPart + n) ? "/" : ""));
            }
        }
        return out;
    }
}
