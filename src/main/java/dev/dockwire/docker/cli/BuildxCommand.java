package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.sim.GoDuration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker buildx ...} and {@code docker builder ...} on a docker-ce 28 host, where the buildx
 * plugin is installed: the client forwards {@code builder} to the plugin (docker/cli
 * cmd/docker/builder.go forwardBuilder, with BUILDX_BUILDER set to the current context, which is
 * why builder's texts show {@code --builder}'s default "default" and buildx's do not). Its
 * sub-commands here are {@code prune} (docker/buildx commands/prune.go) and {@code build}, which
 * DockerCommand runs as {@code docker build}; a word that is no sub-command prints the plugin's usage, as its root cobra
 * command does; the others (ls, du, bake, ...) are not modelled. The usage texts are the real
 * client's and plugin's (scripts/docker-help-texts); errors are the plugin's {@code ERROR: ...}.
 */
final class BuildxCommand {
    private static final List<String> UNMODELLED = List.of("bake", "create", "dial-stdio", "du", "inspect", "ls", "rm", "stop",
            "use", "version", "imagetools");
    private static final List<Spec> PRUNE_FLAGS = List.of(new Spec("all", 'a', false), new Spec("builder", (char) 0, true),
            new Spec("filter", (char) 0, true), new Spec("force", 'f', false), new Spec("keep-storage", (char) 0, true),
            new Spec("verbose", (char) 0, false));

    private final List<String> stdin;

    /** {@code stdin}: the lines piped to the client, or null when none were. */
    BuildxCommand(List<String> stdin) {
        this.stdin = stdin;
    }

    /** {@code docker CMD ARGS...} with {@code cmd} "buildx" or "builder". */
    CommandOutput run(String cmd, List<String> args) {
        String sub = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        if (sub.equals("prune")) {
            return prune(cmd, rest);
        }
        if (UNMODELLED.contains(sub)) {
            return CommandOutput.fail(1, "docker: '" + cmd + " " + sub + "' is not a docker command.\nSee 'docker --help'");
        }
        return CommandOutput.ok(DockerHelp.text(cmd)); // cobra's root command with an unknown word: its usage, status 0
    }

    /**
     * {@code docker buildx prune} (commands/prune.go runPrune): the filters checked first
     * (toBuildkitPruneInfo: {@code until} a Go duration), the warning with its {@code [y/N]} on one
     * line unless {@code -f}, then the records pruned — none: dockwire's builds keep no cache
     * records, so no table — and {@code Total:} through a tab writer padding with tabs.
     */
    private CommandOutput prune(String cmd, List<String> args) {
        CliFlags f;
        try {
            f = CliFlags.parse(args, PRUNE_FLAGS, true);
        } catch (CliFlags.HelpRequested e) {
            List<String> out = new ArrayList<>();
            if (e.shorthand()) {
                out.add("Flag shorthand -h has been deprecated, please use --help");
            }
            out.addAll(DockerHelp.text(cmd + " prune"));
            return CommandOutput.ok(out);
        } catch (CliFlags.ParseError e) {
            return CommandOutput.fail(125, e.getMessage() + "\nSee 'docker buildx prune --help'.");
        }
        if (!f.positional().isEmpty()) {
            return CommandOutput.fail(1, "ERROR: \"docker buildx prune\" accepts no arguments.\nSee 'docker buildx prune --help'.\n\n"
                    + "Usage:  docker buildx prune\n\nRemove build cache");
        }
        String filterError = filterError(f.all("filter"));
        if (filterError != null) {
            return CommandOutput.fail(1, "ERROR: " + filterError);
        }
        PromptedLines out = new PromptedLines();
        if (!f.has("force") && !out.confirm((f.has("all") ? "WARNING! This will remove all build cache."
                : "WARNING! This will remove all dangling build cache.") + " Are you sure you want to continue?", stdin)) {
            return CommandOutput.ok(out);
        }
        out.add("Total:\t0B");
        return CommandOutput.ok(out);
    }

    /** toBuildkitPruneInfo's refusal of the {@code until} filter, or null. */
    private static String filterError(List<String> filters) {
        List<String> until = filters.stream().filter(v -> v.startsWith("until=")).map(v -> v.substring("until=".length())).toList();
        if (until.size() > 1) {
            return "\"until\" filter expects only one value";
        }
        if (until.size() == 1) {
            try {
                GoDuration.parse(until.get(0));
            } catch (IllegalArgumentException e) {
                return "\"until\" filter expects a duration (e.g., '24h'): " + e.getMessage();
            }
        }
        return null;
    }
}
