package dev.dockwire.cli;

import java.util.regex.Pattern;

/** What a file given to {@code dockwire run} is, judged by its content (not its name). */
enum InputKind {
    TOPOLOGY, COMPOSE, SCRIPT;

    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_-]*):");

    static InputKind of(String text) {
        var m = TOP_KEY.matcher(text);
        boolean yamlKeys = false;
        while (m.find()) {
            String key = m.group(1);
            if (key.equals("services")) {
                return COMPOSE;
            }
            if (key.equals("containers")) {
                return TOPOLOGY;
            }
            yamlKeys = true;
        }
        // A file with top-level YAML keys but no containers is a topology with an error to report.
        return yamlKeys && !text.lines().anyMatch(l -> l.trim().startsWith("docker ")) ? TOPOLOGY : SCRIPT;
    }
}
