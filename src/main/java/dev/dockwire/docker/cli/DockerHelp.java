package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The docker 28.2 client's usage texts, stored as resources by {@code scripts/docker-help-texts}
 * from the real client (cobra's usage template, docker/cli's cli/cobra.go), and what the client
 * builds from them: {@code docker COMMAND --help}, the bare {@code docker} and
 * {@code docker network} (help, status 0), and the flag errors of cli/flags.go's
 * FlagErrorFunc: the error, the command's usage line, {@code Run 'docker X --help' for more
 * information}, status 125. Only commands dockwire implements have a text.
 */
public final class DockerHelp {
    /** The client's own version line, {@code docker --version}. */
    public static final String VERSION = "Docker version 28.2.2, build e6534b4";
    /** The management commands whose second word is a sub-command. */
    static final List<String> GROUPS = List.of("network", "container", "swarm", "node", "service", "compose", "system", "image", "volume", "context",
            "builder", "buildx");
    /** Compose's own flags that take a value, which may come before its sub-command ({@code docker compose -f x.yml up}). */
    private static final List<String> COMPOSE_VALUE_FLAGS = List.of("-f", "--file", "-p", "--project-name", "--env-file",
            "--profile", "--project-directory", "--ansi", "--progress", "--parallel");
    /** Cobra's aliases of the sub-commands dockwire implements (its {@code Use} name is the file's). */
    private static final Map<String, String> ALIASES = Map.of("list", "ls", "remove", "rm", "ps", "ls");

    private DockerHelp() {
    }

    /**
     * The command path the words name, as cobra finds it: {@code network create} for
     * {@code network create --foo x}, {@code run} for {@code run alpine}; "" for docker itself.
     */
    public static String path(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return "";
        }
        String cmd = args.get(0);
        int at = cmd.equals("compose") ? composeCommand(args) : 1;
        if (GROUPS.contains(cmd) && args.size() > at && !args.get(at).startsWith("-")) {
            String sub = args.get(at);
            String canonical = cmd.equals("container") || !sub.equals("ps") ? ALIASES.getOrDefault(sub, sub) : sub;
            if (text(cmd + " " + canonical) != null) {
                return cmd + " " + canonical;
            }
        }
        return cmd;
    }

    /** Where compose's sub-command is in {@code args}, past compose's own flags and their values. */
    private static int composeCommand(List<String> args) {
        int i = 1;
        while (i < args.size() && args.get(i).startsWith("-")) {
            i += COMPOSE_VALUE_FLAGS.contains(args.get(i)) ? 2 : 1;
        }
        return i;
    }

    /**
     * What the client (or, for {@code compose ...}, the Compose plugin) answers by itself for the
     * words after {@code docker}: a usage text, the version line; null when a command must run.
     */
    public static CommandOutput answer(List<String> args) {
        return DockerUsage.answer(args);
    }

    /** The commands with a usage text ({@code run}, {@code network create}, ...), as commands.txt lists them. */
    public static List<String> commands() {
        try (InputStream in = DockerHelp.class.getResourceAsStream("help/commands.txt")) {
            return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The flags of {@code path} as its usage text lists them ({@code --name} and {@code -d}), each
     * with whether it takes a value (a type after the name: {@code --name string}).
     */
    public static Map<String, Boolean> flags(String path) {
        Map<String, Boolean> flags = new java.util.LinkedHashMap<>();
        List<String> t = text(path);
        if (t == null) {
            return flags;
        }
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\s{2,6}(?:-(\\w), )?--([\\w-]+)( [a-z][\\w-]*)?\\s");
        for (String l : t) {
            java.util.regex.Matcher m = line.matcher(l + " ");
            if (m.find()) {
                boolean value = m.group(3) != null;
                flags.put("--" + m.group(2), value);
                if (m.group(1) != null) {
                    flags.put("-" + m.group(1), value);
                }
            }
        }
        return flags;
    }

    /** The usage text of {@code path} ("" for docker itself), or null for a command dockwire lacks. */
    public static List<String> text(String path) {
        return TEXTS.computeIfAbsent(path, DockerHelp::load).orElse(null);
    }

    /**
     * The usage texts read so far, by path: the client checks every command line against its usage
     * text, so a script of 100,000 {@code docker run} lines would read the same resource as often.
     * The texts are immutable lists of the resources, which never change.
     */
    private static final Map<String, java.util.Optional<List<String>>> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z-]+");

    private static java.util.Optional<List<String>> load(String path) {
        String name = path.isEmpty() ? "docker" : path.replace(' ', '-');
        if (!NAME.matcher(name).matches()) {
            return java.util.Optional.empty();
        }
        try (InputStream in = DockerHelp.class.getResourceAsStream("help/" + name + ".txt")) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docker PATH --help}: the text, status 0; {@code -h} adds pflag's deprecation notice first. */
    public static CommandOutput help(String path, boolean shorthand) {
        List<String> out = new ArrayList<>();
        if (shorthand) {
            out.add("Flag shorthand -h has been deprecated, use --help");
        }
        out.addAll(text(path));
        return CommandOutput.ok(out);
    }

    /** The first line of the usage text: {@code Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]}. */
    static String usageLine(String path) {
        List<String> t = text(path);
        if (t == null) {
            return "Usage:  docker " + path;
        }
        // cobra's UseLine is all of Use: cp's second form is a line of its own.
        StringBuilder line = new StringBuilder(t.get(0));
        for (int i = 1; i < t.size() && t.get(i).startsWith("\t"); i++) {
            line.append('\n').append(t.get(i));
        }
        return line.toString();
    }

    /** A flag error as docker/cli's FlagErrorFunc prints it, status 125. */
    static CommandOutput flagError(String message, String path) {
        String shown = path.isEmpty() ? "" : " " + path;
        List<String> out = new ArrayList<>(List.of(message, ""));
        out.addAll(List.of(usageLine(path).split("\n")));
        out.addAll(List.of("", "Run 'docker" + shown + " --help' for more information"));
        return new CommandOutput(125, out);
    }
}
