package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.cli.Json;
import dev.dockwire.docker.cli.TabWriter;
import dev.dockwire.docker.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker compose ls [-a] [-q] [--format table|json] [--filter name=REGEX]}: the projects
 * found on the engine, as Compose finds them, by the {@code com.docker.compose.project} label of
 * the containers (running ones only without {@code -a}), never by a file (docker/compose
 * pkg/compose/ls.go containersToStacks, cmd/compose/list.go runList). A project's status counts
 * its containers by state, states sorted ({@code exited(1), running(1)}); its config files are
 * the union of their {@code com.docker.compose.project.config_files} labels.
 */
final class ComposeLs {
    static final String PROJECT = "com.docker.compose.project";
    static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    /** Compose's formatter: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0) (cmd/formatter/formatter.go). */
    private static final int MIN_WIDTH = 20;

    private ComposeLs() {
    }

    /** One project: its name, combined status and config files. */
    record Stack(String name, String status, String configFiles) {
    }

    /**
     * The listing; {@code filters} are {@code --filter} values ({@code name=REGEX}: a project is
     * kept when any of the regular expressions finds a match in its name, as moby's filters.Args.Match).
     */
    static CommandOutput run(Engine engine, boolean all, boolean quiet, String format, List<String> filters) {
        List<String> names = new ArrayList<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq < 0) {
                // A flag cobra could not parse: compose's exit status 16 (SyntaxFailure).
                return CommandOutput.fail(16, "invalid argument \"" + f + "\" for \"--filter\" flag: bad format of filter (expected name=value)");
            }
            if (!f.substring(0, eq).equals("name")) {
                return CommandOutput.fail(1, "invalid filter '" + f.substring(0, eq) + "'");
            }
            names.add(f.substring(eq + 1));
        }
        List<Stack> stacks = new ArrayList<>();
        for (Stack s : stacks(engine, all)) {
            if (names.isEmpty() || names.stream().anyMatch(n -> finds(n, s.name()))) {
                stacks.add(s);
            }
        }
        if (quiet) {
            return CommandOutput.ok(stacks.stream().map(Stack::name).toList());
        }
        if (format.equals("json")) {
            List<Map<String, String>> view = new ArrayList<>();
            for (Stack s : stacks) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("Name", s.name());
                m.put("Status", s.status());
                m.put("ConfigFiles", s.configFiles());
                view.add(m);
            }
            return CommandOutput.ok(List.of(Json.escapeHtml(Json.compact(view))));
        }
        if (!format.equals("table")) {
            return CommandOutput.fail(1, "format value \"" + format + "\" could not be parsed: parsing failed");
        }
        List<String> text = new ArrayList<>(List.of("NAME\tSTATUS\tCONFIG FILES"));
        stacks.forEach(s -> text.add(s.name() + "\t" + s.status() + "\t" + s.configFiles()));
        return CommandOutput.ok(TabWriter.format(text, MIN_WIDTH));
    }

    private static boolean finds(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** The projects by name, sorted (groupContainerByLabel sorts its keys). */
    static List<Stack> stacks(Engine engine, boolean all) {
        Map<String, List<Container>> byProject = new TreeMap<>();
        for (Container c : engine.containers()) {
            String project = c.labels().get(PROJECT);
            if (project != null && (all || c.running())) {
                byProject.computeIfAbsent(project, k -> new ArrayList<>()).add(c);
            }
        }
        List<Stack> out = new ArrayList<>();
        byProject.forEach((project, cs) -> {
            Map<String, Integer> byState = new TreeMap<>();
            List<String> files = new ArrayList<>();
            for (Container c : cs) {
                byState.merge(c.status(), 1, Integer::sum);
                for (String f : c.labels().getOrDefault(CONFIG_FILES, "").split(",")) {
                    if (!f.isEmpty() && !files.contains(f)) {
                        files.add(f);
                    }
                }
            }
            List<String> status = new ArrayList<>();
            byState.forEach((state, n) -> status.add(state + "(" + n + ")"));
            out.add(new Stack(project, String.join(", ", status), String.join(",", files)));
        });
        return out;
    }
}
