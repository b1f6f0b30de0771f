package dev.dockwire.cli;

import dev.dockwire.topology.TopologyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Refuses a file that is no run at all, before anything is built: an empty or comment-only
     * file (it would pass as a script of no steps), a YAML list at the top level (compose-go's
     * loader: "Top-level object must be a mapping"; we would run its items as commands).
     */
    static void requireRun(Path file, String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#") || l.equals("---")) {
                continue;
            }
            if (l.equals("-") || l.startsWith("- ")) {
                throw new TopologyException(file.toString(), i + 1, "", "Top-level object must be a mapping");
            }
            return;
        }
        throw new TopologyException(file.toString(), 0, "", text.isBlank()
                ? "the file is empty: nothing to run" : "the file holds only comments: nothing to run");
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
