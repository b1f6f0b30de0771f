package dev.dockwire.cli;

import dev.dockwire.report.GraphText;
import dev.dockwire.run.Session;
import java.nio.file.Path;
import java.util.List;

/**
 * dockwire's own commands at the shell's host prompt, on demand: {@code dockwire report} writes
 * the session's {@code report.html} so far (it is written again at exit), {@code dockwire graph
 * [--mermaid]} prints what the world holds as dot or Mermaid. Run on the loop's thread.
 */
final class PromptReport {
    private PromptReport() {
    }

    /** The lines {@code line} prints when it is one of these commands, else null. */
    static List<String> apply(String line, Session session) {
        List<String> words = List.of(line.trim().split("\\s+"));
        if (words.size() < 2 || !words.get(0).equals("dockwire")) {
            return null;
        }
        if (words.equals(List.of("dockwire", "report"))) {
            Path page = session.writeReport();
            return List.of(page == null ? "dockwire: this session writes no captures, so no report" : "report: " + page);
        }
        if (words.get(1).equals("graph") && words.size() <= 3) {
            boolean mermaid = words.size() == 3 && words.get(2).equals("--mermaid");
            if (words.size() == 3 && !mermaid) {
                return List.of("Usage: dockwire graph [--mermaid]");
            }
            String text = mermaid ? GraphText.mermaid(session.picture()) : GraphText.dot(session.picture());
            return List.of(text.stripTrailing().split("\n"));
        }
        return null;
    }
}
