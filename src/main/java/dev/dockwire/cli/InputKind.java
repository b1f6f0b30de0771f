package dev.dockwire.cli;

import dev.dockwire.topology.TopologyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** What a file given to {@code dockwire run} is, judged by its content (not its name). */
enum InputKind {
    TOPOLOGY, COMPOSE, SCRIPT;

    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_-]*):");

    /** The file's text; a file that cannot be read is bad input naming the file. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TopologyException(file.toString(), 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /** The name a run takes from its file: the file name without its extension. */
    static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
    }

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
